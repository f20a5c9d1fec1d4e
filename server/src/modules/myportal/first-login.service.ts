// MyPortal's first login and "Passwort vergessen" (seed 003 "Ihr erster Schritt"): username →
// temporary password by SMS or e-mail → temporary password → short-lived ticket → new password →
// session. No answer tells whether a username exists.
import { passwordRuleKey, passwordViolations } from '../../../../common/src/rules/password.ts';
import type { Config } from '../../config.ts';
import type { Database, Executor } from '../../db/client.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { hmacCode, normalizeCode, readableCode, safeEqual } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { queueMail, queueSms } from '../../platform/notifications/notifications.service.ts';
import { login, type NewSession } from '../auth/auth.service.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { failureLocks, lockedFor, resetThrottle } from '../auth/throttle.service.ts';
import { ADDRESS_POLICY, CODE_POLICY } from '../auth/throttle.rules.ts';
import {
  deliveryOf,
  formatExpiry,
  languageOf,
  MAX_TEMP_PASSWORD_FAILURES,
  parseTicket,
  REQUEST_ADDRESS_POLICY,
  REQUEST_USER_POLICY,
  requestAddressKey,
  requestUserKey,
  ticketExpiry,
  ticketPayload,
  verifyAddressKey,
  verifyUserKey,
  type Delivery,
} from './first-login.rules.ts';
import {
  findAccount,
  findActiveLogin,
  findWorkplace,
  revokeAccountSessions,
  setAccountPassword,
  type UserRow,
  type WorkplaceRow,
} from './myportal.repository.ts';
import {
  countTempPasswordFailure,
  insertTempPassword,
  lockTempPassword,
  markTempPasswordRevoked,
  markTempPasswordUsed,
  openTempPassword,
  revokeTempPasswords,
} from './temp-passwords.repository.ts';

export interface MyPortalDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

interface Client {
  ip: string | null;
  userAgent: string | null;
}

/** A temporary password and its hash, made before anything is looked up (same time either way). */
export async function newTemporaryPassword(): Promise<{ password: string; hash: string }> {
  const password = readableCode(3);
  return { password, hash: await hashPassword(normalizeCode(password)) };
}

/**
 * Stores a temporary password for the workplace's account (older ones die) and sends it by SMS
 * when the workplace has a mobile number, else by e-mail. Runs in the caller's transaction.
 */
export async function issueTemporaryPassword(
  tx: Executor,
  deps: Pick<MyPortalDeps, 'clock' | 'config'>,
  input: {
    workplace: WorkplaceRow;
    user: UserRow;
    temp: { password: string; hash: string };
    createdBy: string | null;
  },
): Promise<{ channel: Delivery; to: string; expiresAt: Date }> {
  const { workplace, user, temp } = input;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.myportal.tempPasswordHours * 3_600_000);
  await revokeTempPasswords(tx, user.id, now);
  await insertTempPassword(tx, {
    companyId: workplace.companyId,
    userId: user.id,
    hash: temp.hash,
    createdBy: input.createdBy,
    createdAt: now,
    expiresAt,
  });
  const delivery = deliveryOf(workplace);
  const language = languageOf(workplace.language);
  const message = {
    to: delivery.to,
    template: 'temporary_password' as const,
    params: {
      username: workplace.username,
      password: temp.password,
      expiresAt: formatExpiry(expiresAt, language),
    },
    language,
    companyId: workplace.companyId,
  };
  if (delivery.channel === 'sms') {
    await queueSms(tx, deps, message);
  } else {
    await queueMail(tx, deps, message);
  }
  return { ...delivery, expiresAt };
}

const anonymous = (username: string): AuditActor => ({
  userId: null,
  username: `myportal:${username}`,
  role: 'public',
});

function lockedError(code: string, ms: number): AppError {
  return new AppError(code, 429, {
    messageKey: `myportal.${code}`,
    params: { minutes: Math.max(1, Math.ceil(ms / 60_000)) },
  });
}

/** Step 1 "Temporäres Passwort anfordern": answers the same whether the username exists or not. */
export async function requestTemporaryPassword(
  deps: MyPortalDeps,
  input: { username: string } & Client,
): Promise<void> {
  const keys = [requestUserKey(input.username), requestAddressKey(input.ip)];
  const wait = await lockedFor(deps, keys);
  if (wait > 0) {
    throw lockedError('temporary_password_request_locked', wait);
  }
  await failureLocks(deps, [
    { key: keys[0]!, policy: REQUEST_USER_POLICY },
    { key: keys[1]!, policy: REQUEST_ADDRESS_POLICY },
  ]);
  const temp = await newTemporaryPassword();
  await deps.database.transaction(async (tx) => {
    const found = await findActiveLogin(tx, input.username);
    if (!found) {
      return;
    }
    const sent = await issueTemporaryPassword(tx, deps, { ...found, temp, createdBy: null });
    await recordAudit(tx, {
      actor: anonymous(found.workplace.username),
      companyId: found.workplace.companyId,
      entity: 'workplace',
      entityId: found.workplace.id,
      action: 'temporary_password_requested',
      after: { delivery: sent.channel },
      at: deps.clock.now(),
    });
  });
}

const invalidTemporaryPassword = () =>
  new AppError('temporary_password_invalid', 401, {
    messageKey: 'myportal.temporary_password_invalid',
    details: [{ field: 'temporaryPassword', rule: 'myportal.temporary_password_invalid' }],
  });

/** Step 2 "Absenden" with the temporary password: spends it and returns a ticket for step 3. */
export async function verifyTemporaryPassword(
  deps: MyPortalDeps,
  input: { username: string; temporaryPassword: string } & Client,
): Promise<{ ticket: string; expiresAt: Date; username: string }> {
  const keys = [verifyUserKey(input.username), verifyAddressKey(input.ip)];
  const wait = await lockedFor(deps, keys);
  if (wait > 0) {
    throw lockedError('temporary_password_locked', wait);
  }
  const now = deps.clock.now();
  const found = await findActiveLogin(deps.database.db, input.username);
  const open = found ? await openTempPassword(deps.database.db, found.user.id, now) : null;
  const ok = await verifyPassword(open?.codeHash ?? null, normalizeCode(input.temporaryPassword));
  const spent =
    ok && open
      ? await deps.database.transaction(async (tx) => {
          const row = await lockTempPassword(tx, open.id);
          if (!row || row.usedAt || row.revokedAt || row.expiresAt <= now) {
            return null;
          }
          await markTempPasswordUsed(tx, row.id, now);
          return row;
        })
      : null;
  if (!spent || !found) {
    if (open && !ok) {
      const failures = await countTempPasswordFailure(deps.database.db, open.id);
      if (failures >= MAX_TEMP_PASSWORD_FAILURES) {
        await markTempPasswordRevoked(deps.database.db, open.id, now);
      }
    }
    const lock = await failureLocks(deps, [
      { key: keys[0]!, policy: CODE_POLICY },
      { key: keys[1]!, policy: ADDRESS_POLICY },
    ]);
    throw lock > 0 ? lockedError('temporary_password_locked', lock) : invalidTemporaryPassword();
  }
  await resetThrottle(deps, keys[0]!);
  const mac = hmacCode(deps.config.secret, ticketPayload(spent.id, now));
  return {
    ticket: `${spent.id}.${mac}`,
    expiresAt: ticketExpiry(now),
    username: found.user.username,
  };
}

const invalidTicket = () =>
  new AppError('password_ticket_invalid', 401, { messageKey: 'myportal.password_ticket_invalid' });

/** Step 3 "Weiter" with the new password (rules of seed 003); opens the user's session. */
export async function setFirstPassword(
  deps: MyPortalDeps,
  input: { ticket: string; password: string } & Client,
): Promise<NewSession> {
  const parsed = parseTicket(input.ticket);
  if (!parsed) {
    throw invalidTicket();
  }
  const now = deps.clock.now();
  const check = async (tx: Executor) => {
    const row = await lockTempPassword(tx, parsed.id);
    const expected = row?.usedAt && hmacCode(deps.config.secret, ticketPayload(row.id, row.usedAt));
    if (
      !row?.usedAt ||
      !row.userId ||
      row.revokedAt ||
      !expected ||
      !safeEqual(expected, parsed.mac) ||
      ticketExpiry(row.usedAt) <= now
    ) {
      return null;
    }
    const user = await findAccount(tx, row.userId);
    const active = user ? await findActiveLogin(tx, user.username) : null;
    return active && active.user.id === row.userId ? { row, ...active } : null;
  };
  const first = await check(deps.database.db);
  if (!first) {
    throw invalidTicket();
  }
  const broken = passwordViolations(input.password, first.workplace.username);
  if (broken.length > 0) {
    throw new AppError('validation_failed', 400, {
      params: { count: broken.length },
      details: broken.map((rule) => ({ field: 'password', rule: passwordRuleKey(rule) })),
    });
  }
  const hash = await hashPassword(input.password);
  const user = await deps.database.transaction(async (tx) => {
    const current = await check(tx);
    if (!current) {
      return null;
    }
    await setAccountPassword(tx, current.user.id, hash, now);
    await revokeTempPasswords(tx, current.user.id, now);
    await revokeAccountSessions(tx, current.user.id, now);
    await recordAudit(tx, {
      actor: { userId: current.user.id, username: current.user.username, role: 'end_user' },
      companyId: current.workplace.companyId,
      entity: 'workplace',
      entityId: current.workplace.id,
      action: current.user.passwordHash ? 'password_reset' : 'first_login',
      at: now,
    });
    return current.user;
  });
  if (!user) {
    throw invalidTicket();
  }
  return login(deps, { username: user.username, password: input.password, ...client(input) });
}

const client = (input: Client): Client => ({ ip: input.ip, userAgent: input.userAgent });

/** The workplace of a company by id, or 404. */
export async function workplaceOrNotFound(db: Executor, companyId: string, workplaceId: string) {
  const workplace = await findWorkplace(db, companyId, workplaceId);
  if (!workplace || workplace.status === 'deleted' || workplace.status === 'in_cart') {
    throw new AppError('not_found', 404);
  }
  return workplace;
}
