// The admin side of MyPortal logins (seed 003 "Hinweis - Keine Aktivierungsmail erhalten": "Die
// Anmeldedaten können im Administrations-Portal … überprüft und verändert werden"): check and
// change a workplace's login data, resend the activation mail, start a password reset. Audited.
import { parseGermanNumber } from '../../../../common/src/numbers/parse.ts';
import {
  authEmailIssues,
  passwordDeliveryIssues,
  passwordDeliveryOf,
} from '../../../../common/src/rules/workplace.ts';
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/client.ts';
import { diff, recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/notifications/notifications.service.ts';
import {
  issueTemporaryPassword,
  newTemporaryPassword,
  workplaceOrNotFound,
  type MyPortalDeps,
} from './first-login.service.ts';
import { languageOf } from './first-login.rules.ts';
import {
  findAccount,
  lockWorkplace,
  setAccountEmail,
  updateLoginFields,
  type UserRow,
  type WorkplaceRow,
} from './myportal.repository.ts';
import { openTempPassword } from './temp-passwords.repository.ts';

/** The page of the first login; the activation mail links to it with the username filled in. */
export const FIRST_LOGIN_PATH = '/myportal/erstanmeldung';

export function firstLoginUrl(config: Pick<Config, 'publicUrl'>, username: string): string {
  return `${config.publicUrl}${FIRST_LOGIN_PATH}?benutzer=${encodeURIComponent(username)}`;
}

/**
 * Queues the activation mail of seed 003 ("Diese enthält den zugewiesenen Benutzernamen, sowie den
 * Link zur Erstanmeldung in MyPortal") to the authentication address, in the workplace's
 * language. For the activation step of the order and for "Aktivierungsmail erneut senden".
 */
export async function sendActivationMail(
  tx: Executor,
  deps: { clock: Clock; config: Pick<Config, 'publicUrl'> },
  workplace: WorkplaceRow,
): Promise<{ sentTo: string }> {
  await queueMail(tx, deps, {
    to: workplace.authEmail,
    template: 'workplace_activation',
    params: {
      displayName: `${workplace.firstName} ${workplace.lastName}`.trim(),
      username: workplace.username,
      firstLoginUrl: firstLoginUrl(deps.config, workplace.username),
    },
    language: languageOf(workplace.language),
    companyId: workplace.companyId,
  });
  return { sentTo: workplace.authEmail };
}

async function presentLoginData(
  db: Executor,
  deps: Pick<MyPortalDeps, 'clock'>,
  workplace: WorkplaceRow,
) {
  const user = workplace.userId ? await findAccount(db, workplace.userId) : null;
  const open = user ? await openTempPassword(db, user.id, deps.clock.now()) : null;
  const active = workplace.status === 'active' && user !== null && !user.disabledAt;
  return {
    workplaceId: workplace.id,
    status: workplace.status,
    username: workplace.username,
    authEmail: workplace.authEmail,
    authMobile: workplace.authMobile,
    withoutMobile: workplace.passwordDelivery === 'email',
    passwordDelivery: workplace.passwordDelivery,
    account: user
      ? {
          passwordSet: user.passwordHash !== null,
          disabled: user.disabledAt !== null,
          lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
          passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
        }
      : null,
    temporaryPasswordExpiresAt: open?.expiresAt.toISOString() ?? null,
    canSendActivationMail: active,
    canResetPassword: active,
  };
}

export type LoginData = Awaited<ReturnType<typeof presentLoginData>>;

export async function getLoginData(
  deps: MyPortalDeps,
  companyId: string,
  workplaceId: string,
): Promise<LoginData> {
  const workplace = await workplaceOrNotFound(deps.database.db, companyId, workplaceId);
  return presentLoginData(deps.database.db, deps, workplace);
}

export interface LoginDataInput {
  authEmail: string;
  authEmailConfirm: string;
  authMobile?: string | null | undefined;
  withoutMobile: boolean;
}

/** Validates like the wizard's "Benutzeranmeldung" (field names login.*); throws 400. */
function checkLoginInput(input: LoginDataInput): void {
  const issues = [
    ...authEmailIssues(input.authEmail, input.authEmailConfirm),
    ...passwordDeliveryIssues({
      authMobile: input.authMobile ?? null,
      withoutMobile: input.withoutMobile,
    }),
  ].filter((issue) => issue.severity === 'error');
  if (issues.length > 0) {
    throw new AppError('validation_failed', 400, {
      params: { count: issues.length },
      details: issues.map((issue) => ({ field: issue.field, rule: issue.rule })),
    });
  }
}

// "delivery", not "passwordDelivery": the audit log masks every field named like a password.
const loginFacts = (w: WorkplaceRow) => ({
  authEmail: w.authEmail,
  authMobile: w.authMobile,
  delivery: w.passwordDelivery,
});

export async function changeLoginData(
  deps: MyPortalDeps,
  actor: AuditActor,
  companyId: string,
  workplaceId: string,
  input: LoginDataInput,
  requestId: string | null,
): Promise<LoginData> {
  checkLoginInput(input);
  const mobile = (input.authMobile ?? '').trim();
  const parsed = mobile === '' ? null : parseGermanNumber(mobile, 'mobile');
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    await workplaceOrNotFound(tx, companyId, workplaceId);
    const before = (await lockWorkplace(tx, companyId, workplaceId))!;
    const after = await updateLoginFields(tx, companyId, workplaceId, {
      authEmail: input.authEmail.trim(),
      authMobile: parsed?.ok ? parsed.e164 : null,
      passwordDelivery: passwordDeliveryOf({
        authMobile: parsed?.ok ? parsed.e164 : null,
        withoutMobile: input.withoutMobile,
      }),
      updatedAt: now,
    });
    if (after.userId && after.authEmail !== before.authEmail) {
      await setAccountEmail(tx, after.userId, after.authEmail, now);
    }
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'workplace',
      entityId: workplaceId,
      action: 'login_data_changed',
      ...diff(loginFacts(before), loginFacts(after)),
      at: now,
      requestId,
    });
    return presentLoginData(tx, deps, after);
  });
}

/** The workplace and its account, when its user can log in (active workplace, account there). */
async function activeLogin(
  tx: Executor,
  companyId: string,
  workplaceId: string,
): Promise<{ workplace: WorkplaceRow; user: UserRow }> {
  const workplace = await workplaceOrNotFound(tx, companyId, workplaceId);
  const user = workplace.userId ? await findAccount(tx, workplace.userId) : null;
  if (workplace.status !== 'active' || !user || user.disabledAt) {
    throw new AppError('workplace_login_inactive', 409, {
      messageKey: 'myportal.workplace_login_inactive',
    });
  }
  return { workplace, user };
}

export async function resendActivationMail(
  deps: MyPortalDeps,
  actor: AuditActor,
  companyId: string,
  workplaceId: string,
  requestId: string | null,
): Promise<{ sentTo: string }> {
  return deps.database.transaction(async (tx) => {
    const { workplace } = await activeLogin(tx, companyId, workplaceId);
    const sent = await sendActivationMail(tx, deps, workplace);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'workplace',
      entityId: workplaceId,
      action: 'activation_mail_sent',
      after: { to: sent.sentTo },
      at: deps.clock.now(),
      requestId,
    });
    return sent;
  });
}

/** "Passwort zurücksetzen": a temporary password goes to the user as in step 1 of the first login. */
export async function startPasswordReset(
  deps: MyPortalDeps,
  actor: AuditActor,
  companyId: string,
  workplaceId: string,
  requestId: string | null,
): Promise<{ delivery: 'sms' | 'email'; sentTo: string; expiresAt: string }> {
  const temp = await newTemporaryPassword();
  return deps.database.transaction(async (tx) => {
    const login = await activeLogin(tx, companyId, workplaceId);
    const sent = await issueTemporaryPassword(tx, deps, {
      ...login,
      temp,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'workplace',
      entityId: workplaceId,
      action: 'password_reset_started',
      after: { delivery: sent.channel, to: sent.to },
      at: deps.clock.now(),
      requestId,
    });
    return { delivery: sent.channel, sentTo: sent.to, expiresAt: sent.expiresAt.toISOString() };
  });
}
