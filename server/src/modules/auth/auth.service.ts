import type { Config } from '../../config.ts';
import type { Database, Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { discardCart } from '../orders/cart.service.ts';
import { workplaceUsernameInUse } from '../workplaces/workplaces.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { roleOf, type Principal } from './principal.ts';
import {
  findApiTokenByHash,
  findLiveSession,
  insertSession,
  revokeSession,
  touchApiToken,
  touchSession,
  type SessionRow,
} from './sessions.repository.ts';
import { failureLocks, lockedFor, resetThrottle } from './throttle.service.ts';
import { ACCOUNT_POLICY, ADDRESS_POLICY } from './throttle.rules.ts';
import {
  accountEmailTaken,
  companiesOfUser,
  findUserById,
  findUserByUsername,
  insertUser,
  touchLogin,
  type UserRow,
} from './users.repository.ts';

export interface AuthDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

export const API_TOKEN_PREFIX = 'zt_';
// Writing last_seen on every request would turn reads into writes; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

export async function principalOf(
  db: Executor,
  user: UserRow,
  via: Principal['via'],
  session: SessionRow | null,
): Promise<Principal> {
  const companies = await companiesOfUser(db, user);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    language: user.language,
    kind: user.kind,
    role: roleOf(user.kind, companies.length),
    companies,
    via,
    sessionId: session?.id ?? null,
    csrfToken: session?.csrfToken ?? null,
  };
}

export interface NewSession {
  token: string;
  principal: Principal;
}

async function openSession(
  deps: AuthDeps,
  user: UserRow,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const now = deps.clock.now();
  const token = randomToken();
  const session = await insertSession(deps.database.db, {
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken: randomToken(24),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessions.maxHours * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  await touchLogin(deps.database.db, user.id, now);
  return { token, principal: await principalOf(deps.database.db, user, 'session', session) };
}

const accountKey = (username: string) => `login:user:${username.trim().toLowerCase()}`;
const addressKey = (ip: string | null) => `login:ip:${ip ?? 'unknown'}`;

/**
 * Checks username and password. An unknown username and a wrong password get the same answer;
 * repeated failures lock the account and the address for a while (429 with the minutes left).
 */
export async function login(
  deps: AuthDeps,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const keys = [accountKey(input.username), addressKey(input.ip)];
  const waitMs = await lockedFor(deps, keys);
  if (waitMs > 0) {
    throw lockedError(waitMs);
  }
  const user = await findUserByUsername(deps.database.db, input.username);
  const usable = user && !user.disabledAt ? user : null;
  const ok = await verifyPassword(usable?.passwordHash ?? null, input.password);
  if (!ok || !usable) {
    const lockMs = await failureLocks(deps, [
      { key: keys[0]!, policy: ACCOUNT_POLICY },
      { key: keys[1]!, policy: ADDRESS_POLICY },
    ]);
    if (lockMs > 0) {
      throw lockedError(lockMs);
    }
    throw new AppError('invalid_credentials', 401);
  }
  await resetThrottle(deps, keys[0]!);
  return openSession(deps, usable, input);
}

function lockedError(ms: number): AppError {
  return new AppError('login_locked', 429, {
    params: { minutes: Math.max(1, Math.ceil(ms / 60_000)) },
  });
}

/** The principal of a session cookie, or null when it is unknown, revoked, idle or expired. */
export async function authenticateSession(
  deps: AuthDeps,
  token: string,
): Promise<Principal | null> {
  const now = deps.clock.now();
  const session = await findLiveSession(deps.database.db, sha256(token), now);
  if (!session) {
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > deps.config.sessions.idleMinutes * 60_000) {
    await revokeSession(deps.database.db, session.userId, session.id, now);
    return null;
  }
  const user = await findUserById(deps.database.db, session.userId);
  if (!user || user.disabledAt) {
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.database.db, session.id, now);
  }
  return principalOf(deps.database.db, user, 'session', session);
}

/** The principal of a personal API token (Authorization: Bearer zt_…), or null. */
export async function authenticateToken(deps: AuthDeps, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) {
    return null;
  }
  const now = deps.clock.now();
  const row = await findApiTokenByHash(deps.database.db, sha256(token));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    return null;
  }
  const user = await findUserById(deps.database.db, row.userId);
  if (!user || user.disabledAt) {
    return null;
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchApiToken(deps.database.db, row.id, now);
  }
  return principalOf(deps.database.db, user, 'token', null);
}

export async function logout(deps: AuthDeps, principal: Principal): Promise<void> {
  if (principal.sessionId) {
    await revokeSession(deps.database.db, principal.userId, principal.sessionId, deps.clock.now());
    // Seed 003: "Nicht bestellte Warenkörbe verfallen bei Abmeldung."
    await discardCart(deps, principal.sessionId, 'expired');
  }
}

/** Registers a service-portal account (seed 003: "Registrieren im Business Service Portal"). */
export async function register(
  deps: AuthDeps,
  input: {
    username: string;
    email: string;
    password: string;
    displayName: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  const user = await deps.database.transaction(async (tx) => {
    // Workplace usernames are logins too (MyPortal), reserved from the moment they enter a cart.
    if (
      (await findUserByUsername(tx, input.username)) ||
      (await workplaceUsernameInUse(tx, input.username))
    ) {
      throw new AppError('username_taken', 409, {
        details: [{ field: 'username', rule: 'unique' }],
      });
    }
    if (await accountEmailTaken(tx, input.email)) {
      throw new AppError('email_taken', 409, { details: [{ field: 'email', rule: 'unique' }] });
    }
    const created = await insertUser(tx, {
      kind: 'portal',
      username: input.username,
      email: input.email,
      passwordHash,
      displayName: input.displayName || input.username,
      now: deps.clock.now(),
    });
    await recordAudit(tx, {
      actor: { userId: created.id, username: created.username, role: 'portal' },
      companyId: null,
      entity: 'account',
      entityId: created.id,
      action: 'registered',
      after: { username: created.username, email: created.email },
      at: deps.clock.now(),
    });
    return created;
  });
  return openSession(deps, user, input);
}
