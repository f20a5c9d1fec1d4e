import { randomToken, sha256 } from '../../platform/crypto.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { API_TOKEN_PREFIX, type AuthDeps } from './auth.service.ts';
import type { Principal } from './principal.ts';
import {
  insertApiToken,
  listApiTokens,
  listLiveSessions,
  revokeApiToken,
  revokeSession,
  type ApiTokenRow,
} from './sessions.repository.ts';

const presentToken = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  tokenPrefix: t.tokenPrefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** A personal API token: the secret is returned once and stored only as SHA-256. */
export async function createApiToken(
  deps: AuthDeps,
  principal: Principal,
  input: { name: string; expiresAt?: string | undefined },
) {
  const now = deps.clock.now();
  const expiresAt = input.expiresAt ? new Date(`${input.expiresAt}T23:59:59Z`) : null;
  if (expiresAt && expiresAt <= now) {
    throw new AppError('expiry_in_past', 400, {
      details: [{ field: 'expiresAt', rule: 'future' }],
    });
  }
  const secret = `${API_TOKEN_PREFIX}${randomToken(30)}`;
  const row = await deps.database.transaction(async (tx) => {
    const created = await insertApiToken(tx, {
      userId: principal.userId,
      name: input.name,
      tokenHash: sha256(secret),
      tokenPrefix: secret.slice(0, 10),
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, {
      actor: actorOf(principal),
      companyId: null,
      entity: 'api_token',
      entityId: created.id,
      action: 'created',
      after: { name: created.name, expiresAt },
      at: now,
    });
    return created;
  });
  return { token: presentToken(row), secret };
}

export async function listTokens(deps: AuthDeps, principal: Principal) {
  const rows = await listApiTokens(deps.database.db, principal.userId);
  return { items: rows.map(presentToken) };
}

export async function revokeToken(deps: AuthDeps, principal: Principal, tokenId: string) {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, principal.userId, tokenId, now))) {
      throw notFound();
    }
    await recordAudit(tx, {
      actor: actorOf(principal),
      companyId: null,
      entity: 'api_token',
      entityId: tokenId,
      action: 'revoked',
      at: now,
    });
  });
}

const actorOf = (p: Principal) => ({ userId: p.userId, username: p.username, role: p.role });

export async function listSessions(deps: AuthDeps, principal: Principal) {
  const rows = await listLiveSessions(deps.database.db, principal.userId, deps.clock.now());
  return {
    items: rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === principal.sessionId,
    })),
  };
}

export async function endSession(deps: AuthDeps, principal: Principal, sessionId: string) {
  if (!(await revokeSession(deps.database.db, principal.userId, sessionId, deps.clock.now()))) {
    throw notFound();
  }
}
