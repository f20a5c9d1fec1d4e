import type { CodeKind } from '../../db/schema/index.ts';

export type CodeProblem = 'code_wrong' | 'code_expired' | 'code_used' | 'code_revoked';

interface CodeState {
  kind: CodeKind;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  userId: string | null;
}

/**
 * Why a code cannot be used, or null when it can. Wrong, expired, used and replaced codes get
 * distinct answers (issue: "distinct clear messages"); a code of another kind or of another
 * account counts as wrong, so it reveals nothing.
 */
export function codeProblem(
  code: CodeState | null,
  expected: { kinds: readonly CodeKind[]; userId?: string },
  now: Date,
): CodeProblem | null {
  if (!code || !expected.kinds.includes(code.kind)) {
    return 'code_wrong';
  }
  if (expected.userId !== undefined && code.userId !== expected.userId) {
    return 'code_wrong';
  }
  if (code.usedAt) {
    return 'code_used';
  }
  if (code.revokedAt) {
    return 'code_revoked';
  }
  if (code.expiresAt.getTime() <= now.getTime()) {
    return 'code_expired';
  }
  return null;
}

/** "m.mustermann@example.org" → "m***@example.org", to confirm where a code went. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
