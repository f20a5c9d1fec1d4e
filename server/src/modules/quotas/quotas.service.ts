import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Database } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { countConfiguredWorkplaces, findQuotaContract, productNames } from './quotas.repository.ts';
import type { QuotasOutput } from './quotas.schema.ts';

/** Contract licence keys whose catalogue product has another key. */
const LICENCE_PRODUCT_KEYS: Record<string, string> = { zoom_phone: 'zoom_x_phone' };
const catalogueKey = (licence: string) => LICENCE_PRODUCT_KEYS[licence] ?? licence;

export interface QuotasDeps {
  database: Database;
}

/**
 * "Kontingente & Auftragsstatus": workplaces configured / available against the contract's
 * quota, parallel calls booked / in use, partner licences.
 */
export async function companyQuotas(
  deps: QuotasDeps,
  companyId: string,
  lang: Language,
): Promise<QuotasOutput> {
  const db = deps.database.db;
  const contract = await findQuotaContract(db, companyId);
  if (!contract) {
    throw notFound();
  }
  const configured = await countConfiguredWorkplaces(db, companyId);
  const licenceKeys = Object.keys(contract.partnerLicences);
  const names = await productNames(db, licenceKeys.map(catalogueKey));
  const licences = licenceKeys
    .map((product) => {
      const p = names.get(catalogueKey(product));
      return {
        product,
        name: (p && (lang === 'en' ? p.nameEn : p.nameDe)) || product,
        total: contract.partnerLicences[product] ?? 0,
        // No partner integration counts assigned licences yet.
        used: 0,
        sortOrder: p?.sortOrder ?? Number.MAX_SAFE_INTEGER,
      };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || a.product.localeCompare(b.product))
    .map(({ sortOrder: _sortOrder, ...licence }) => licence);
  return {
    workplaces: {
      configured,
      available: Math.max(0, contract.workplaceQuota - configured),
      total: contract.workplaceQuota,
    },
    // inUse needs the telephony integration (live calls); until then it is unknown.
    parallelCalls: { booked: contract.parallelCalls, inUse: null },
    licences,
  };
}
