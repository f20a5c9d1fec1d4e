import { describe, expect, it } from 'vitest';
import { codeProblem, maskEmail } from './codes.rules.ts';

const now = new Date('2026-06-01T12:00:00Z');
const later = new Date('2026-06-02T12:00:00Z');
const base = {
  kind: 'welcome_letter' as const,
  expiresAt: later,
  usedAt: null,
  revokedAt: null,
  userId: null,
};
const letter = { kinds: ['welcome_letter', 'admin_invite'] as const };

// Issue 3 / seed 003: codes are single-use, expire, die with a new letter; each case its own answer.
describe('codeProblem', () => {
  it.each([
    ['unknown code', null, letter, 'code_wrong'],
    ['valid letter code', base, letter, null],
    ['used code (Einmal-Passwort: single use)', { ...base, usedAt: now }, letter, 'code_used'],
    ['replaced by a new letter', { ...base, revokedAt: now }, letter, 'code_revoked'],
    ['expired', { ...base, expiresAt: now }, letter, 'code_expired'],
    [
      'activation code where a letter code is expected',
      { ...base, kind: 'activation' as const },
      letter,
      'code_wrong',
    ],
    [
      'activation code of another account',
      { ...base, kind: 'activation' as const, userId: 'u2' },
      { kinds: ['activation'] as const, userId: 'u1' },
      'code_wrong',
    ],
    [
      'activation code of this account',
      { ...base, kind: 'activation' as const, userId: 'u1' },
      { kinds: ['activation'] as const, userId: 'u1' },
      null,
    ],
    ['used wins over expired', { ...base, usedAt: now, expiresAt: now }, letter, 'code_used'],
  ])('%s', (_name, code, expected, problem) => {
    expect(codeProblem(code, expected, now)).toBe(problem);
  });
});

describe('maskEmail', () => {
  it('shows the first letter and the domain', () => {
    expect(maskEmail('maria.muster@example.org')).toBe('m***@example.org');
  });
});
