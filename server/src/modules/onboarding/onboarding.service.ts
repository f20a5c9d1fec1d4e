import { LIMITS } from '../../../../common/src/limits.ts';
import type { Config } from '../../config.ts';
import type { Database, Executor } from '../../db/client.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { hmacCode, numericCode, readableCode } from '../../platform/crypto.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { storeDocument } from '../../platform/notifications/documents.ts';
import { queueMail } from '../../platform/notifications/notifications.service.ts';
import { renderWelcomeLetter } from '../accounts/welcome-letter.ts';
import { principalOf } from '../auth/auth.service.ts';
import type { Principal } from '../auth/principal.ts';
import { failureLocks, lockedFor, resetThrottle } from '../auth/throttle.service.ts';
import { CODE_POLICY } from '../auth/throttle.rules.ts';
import { addCompanyAdmin, findUserById } from '../auth/users.repository.ts';
import { findCompany, findProvider } from '../companies/companies.repository.ts';
import { codeProblem, maskEmail } from './codes.rules.ts';
import {
  findCodeById,
  findCodeForUpdate,
  insertCode,
  markUsed,
  revokeOpenActivations,
  revokeOpenCodes,
} from './codes.repository.ts';

export interface OnboardingDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

const DAY = 86_400_000;

export interface IssuedLetter {
  documentId: string;
  filename: string;
  expiresAt: Date;
}

/**
 * Issues a welcome letter with a new one-time code (seed 003); the previous letter's code dies.
 * Runs in the caller's transaction. The code exists only in the (encrypted) PDF and as a hash.
 */
export async function issueWelcomeLetter(
  deps: OnboardingDeps,
  tx: Executor,
  companyId: string,
  actor: AuditActor,
  requestId: string | null,
): Promise<IssuedLetter> {
  const now = deps.clock.now();
  const found = await findCompany(tx, companyId);
  const provider = await findProvider(tx);
  if (!found || !provider) {
    throw new AppError('not_found', 404);
  }
  const { company, contract } = found;
  const revoked = await revokeOpenCodes(tx, companyId, 'welcome_letter', now);
  const code = readableCode(4);
  const expiresAt = new Date(now.getTime() + deps.config.codes.letterDays * DAY);
  await insertCode(tx, {
    kind: 'welcome_letter',
    companyId,
    codeHash: hmacCode(deps.config.secret, code),
    createdBy: actor.userId,
    createdAt: now,
    expiresAt,
  });
  const pdf = await renderWelcomeLetter({
    provider,
    company,
    address: contract,
    code,
    expiresAt,
    registerUrl: `${deps.config.publicUrl}/registrieren`,
    date: now,
  });
  const filename = `Willkommensbrief-${company.customerNumber.replace(/[^A-Za-z0-9-]/g, '')}-${now
    .toISOString()
    .slice(0, 10)}.pdf`;
  const documentId = await storeDocument(tx, deps.config.secret, {
    companyId,
    kind: 'welcome_letter',
    filename,
    contentType: 'application/pdf',
    content: pdf,
    createdBy: actor.userId,
    createdAt: now,
  });
  if (company.contactEmail) {
    await queueMail(tx, deps, {
      to: company.contactEmail,
      template: 'welcome_letter',
      params: {
        companyName: company.name,
        providerName: provider.name,
        productName: provider.productName,
        portalUrl: deps.config.publicUrl,
      },
      language: 'de',
      companyId,
      attachments: [{ documentId, filename }],
    });
  }
  await recordAudit(tx, {
    actor,
    companyId,
    entity: 'welcome_letter',
    entityId: documentId,
    action: revoked > 0 ? 'reissued' : 'issued',
    after: { filename, expiresAt, mailedTo: company.contactEmail },
    at: now,
    requestId,
  });
  return { documentId, filename, expiresAt };
}

const codeKey = (userId: string) => `code:user:${userId}`;

async function guardCodeEntry(deps: OnboardingDeps, principal: Principal): Promise<void> {
  const waitMs = await lockedFor(deps, [codeKey(principal.userId)]);
  if (waitMs > 0) {
    throw new AppError('code_locked', 429, { params: { minutes: Math.ceil(waitMs / 60_000) } });
  }
}

async function codeFailure(deps: OnboardingDeps, principal: Principal, problem: string) {
  const lock = await failureLocks(deps, [{ key: codeKey(principal.userId), policy: CODE_POLICY }]);
  if (lock > 0) {
    return new AppError('code_locked', 429, { params: { minutes: Math.ceil(lock / 60_000) } });
  }
  return new AppError(problem, 400, { details: [{ field: 'code', rule: problem }] });
}

/**
 * Step "Freischalten der Berechtigung": the letter's (or an invitation's) code names the company;
 * an activation code (Freischaltcode) goes to the account's e-mail address.
 */
export async function unlockCompany(
  deps: OnboardingDeps,
  principal: Principal,
  code: string,
): Promise<{ company: { id: string; name: string }; activationSentTo: string }> {
  await guardCodeEntry(deps, principal);
  const now = deps.clock.now();
  const outcome = await deps.database.transaction(async (tx) => {
    const source = await findCodeForUpdate(tx, hmacCode(deps.config.secret, code));
    const problem = codeProblem(source, { kinds: ['welcome_letter', 'admin_invite'] }, now);
    if (problem || !source) {
      return { problem: problem ?? 'code_wrong' } as const;
    }
    if (principal.companies.some((c) => c.id === source.companyId)) {
      throw conflict('already_admin');
    }
    const user = await findUserById(tx, principal.userId);
    const found = await findCompany(tx, source.companyId);
    if (!user?.email || !found) {
      throw new AppError('not_found', 404);
    }
    await revokeOpenActivations(tx, user.id, now);
    const activation = numericCode(8);
    const expiresAt = new Date(now.getTime() + deps.config.codes.activationHours * 3_600_000);
    await insertCode(tx, {
      kind: 'activation',
      companyId: source.companyId,
      codeHash: hmacCode(deps.config.secret, activation),
      userId: user.id,
      sourceCodeId: source.id,
      createdAt: now,
      expiresAt,
    });
    await queueMail(tx, deps, {
      to: user.email,
      template: 'admin_activation_code',
      params: {
        username: user.username,
        companyName: found.company.name,
        code: activation,
        expiresAt: expiresAt.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }),
        portalUrl: `${deps.config.publicUrl}/freischalten`,
      },
      language: user.language === 'en' ? 'en' : 'de',
      companyId: source.companyId,
    });
    return {
      company: { id: found.company.id, name: found.company.name },
      activationSentTo: maskEmail(user.email),
    } as const;
  });
  if ('problem' in outcome) {
    throw await codeFailure(deps, principal, outcome.problem ?? 'code_wrong');
  }
  await resetThrottle(deps, codeKey(principal.userId));
  return outcome;
}

/** Step "Freischaltcode": the account becomes admin of the company; both codes are used up. */
export async function activateAdmin(
  deps: OnboardingDeps,
  principal: Principal,
  code: string,
  requestId: string | null,
): Promise<{ principal: Principal; company: { id: string; name: string } }> {
  await guardCodeEntry(deps, principal);
  const now = deps.clock.now();
  const outcome = await deps.database.transaction(async (tx) => {
    const activation = await findCodeForUpdate(tx, hmacCode(deps.config.secret, code));
    let problem = codeProblem(activation, { kinds: ['activation'], userId: principal.userId }, now);
    const source = activation?.sourceCodeId
      ? await findCodeById(tx, activation.sourceCodeId)
      : null;
    if (!problem && activation) {
      // The letter may have been used by someone else, or replaced, in the meantime.
      problem = codeProblem(source, { kinds: ['welcome_letter', 'admin_invite'] }, now);
    }
    if (problem || !activation) {
      return { problem: problem ?? 'code_wrong' } as const;
    }
    await markUsed(tx, [activation.id, ...(source ? [source.id] : [])], now);
    await addCompanyAdmin(tx, activation.companyId, principal.userId, now);
    const found = await findCompany(tx, activation.companyId);
    await recordAudit(tx, {
      actor: { userId: principal.userId, username: principal.username, role: principal.role },
      companyId: activation.companyId,
      entity: 'company_admin',
      entityId: principal.userId,
      action: 'activated',
      after: { username: principal.username, via: source?.kind ?? 'welcome_letter' },
      at: now,
      requestId,
    });
    const user = await findUserById(tx, principal.userId);
    return {
      principal: await principalOf(tx, user!, principal.via, null),
      company: { id: found!.company.id, name: found!.company.name },
    } as const;
  });
  if ('problem' in outcome) {
    throw await codeFailure(deps, principal, outcome.problem ?? 'code_wrong');
  }
  await resetThrottle(deps, codeKey(principal.userId));
  return {
    principal: {
      ...outcome.principal,
      sessionId: principal.sessionId,
      csrfToken: principal.csrfToken,
    },
    company: outcome.company,
  };
}

/** An admin (or operator) invites a further admin of the same company by e-mail. */
export async function inviteAdmin(
  deps: OnboardingDeps,
  actor: Principal,
  companyId: string,
  email: string,
  requestId: string | null,
): Promise<{ email: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + LIMITS.inviteDays * DAY);
  await deps.database.transaction(async (tx) => {
    const found = await findCompany(tx, companyId);
    if (!found) {
      throw new AppError('not_found', 404);
    }
    const code = readableCode(4);
    const invite = await insertCode(tx, {
      kind: 'admin_invite',
      companyId,
      codeHash: hmacCode(deps.config.secret, code),
      email,
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    });
    await queueMail(tx, deps, {
      to: email,
      template: 'admin_invitation',
      params: {
        companyName: found.company.name,
        invitedBy: actor.displayName || actor.username,
        code,
        expiresAt: expiresAt.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }),
        registerUrl: `${deps.config.publicUrl}/registrieren`,
      },
      language: 'de',
      companyId,
    });
    await recordAudit(tx, {
      actor: { userId: actor.userId, username: actor.username, role: actor.role },
      companyId,
      entity: 'admin_invitation',
      entityId: invite.id,
      action: 'created',
      after: { email, expiresAt },
      at: now,
      requestId,
    });
  });
  return { email, expiresAt };
}
