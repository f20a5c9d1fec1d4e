// The mobile integration check of the wizard ("Authentifizierung der Mobilfunknummer").
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import { translate } from '../../platform/i18n.ts';
import { listTariffs } from '../catalog/catalog.repository.ts';
import { frameworkOf } from '../mobile-framework/mobile-framework.service.ts';
import { checkMobileNumber, type FrameworkEntry, type MobileCheckResult } from './mobile.rules.ts';

/**
 * The company's mobile framework contract (Rahmenvertrag): its numbers and ranges with their
 * tariffs, kept by operators (modules/mobile-framework). A number outside them is authenticated
 * with its customer account number — the seed's path for numbers outside the framework.
 */
export function frameworkEntries(db: Executor, companyId: string): Promise<FrameworkEntry[]> {
  return frameworkOf(db, companyId);
}

export async function mobileCheck(
  db: Executor,
  companyId: string,
  input: { mobileNumber: string; customerAccount?: string | null | undefined },
): Promise<MobileCheckResult> {
  const [framework, tariffs] = await Promise.all([
    frameworkEntries(db, companyId),
    listTariffs(db),
  ]);
  return checkMobileNumber({
    mobileNumber: input.mobileNumber,
    customerAccount: input.customerAccount,
    framework,
    eligibleTariffs: tariffs.map((t) => t.key),
  });
}

/** The answer of POST …/check-mobile. */
export async function presentMobileCheck(
  db: Executor,
  companyId: string,
  input: { mobileNumber: string; customerAccount?: string | null | undefined },
  lang: Language,
) {
  const [check, tariffs] = await Promise.all([mobileCheck(db, companyId, input), listTariffs(db)]);
  const tariffName = tariffs.find((t) => t.key === check.tariff)?.name ?? null;
  return {
    eligible: check.eligible,
    needsCustomerAccount: check.needsCustomerAccount,
    tariff: tariffName ?? check.tariff,
    message: translate(lang, check.messageKey, { tariff: tariffName ?? '' }),
  };
}
