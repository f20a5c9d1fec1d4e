// Start-up registration of what the workplaces module contributes to orders and billing: its
// item types, the usage counters for the volume tiers, the day counters for the ledger.
import { registerBillableCounter } from '../billing/billing.counters.ts';
import { registerItemType, registerUsageCounter } from '../orders/item-types.ts';
import { activateBatch } from './activate.batch.ts';
import { activateItemType } from './activate.item.ts';
import { addonBookItemType, addonCancelItemType, conferenceItemType } from './addon.items.ts';
import { deleteItemType } from './delete.item.ts';
import { WORKPLACE_PRODUCT } from './workplace-values.ts';
import { billableAddons, bookedAddons } from './workplace-parts.repository.ts';
import { billableWorkplaces } from './workplace-views.repository.ts';
import { BOOKED_STATUSES, countByStatus } from './workplaces.repository.ts';

/** Catalogue products booked per workplace: add-ons, conference packages, mobile options. */
export const PER_WORKPLACE_PRODUCTS = [
  'assistant',
  'conference',
  'group_function',
  'switchboard',
  'call_analytics',
  'cti_tapi',
  'conference_basic',
  'conference_plus',
  'conference_premium',
  'mobile_client',
  'mobile_integration',
] as const;

/** Registers the item types and counters; idempotent (a second call replaces the first). */
export function registerWorkplaceItemTypes(): void {
  registerItemType({ ...activateItemType, invokeBatch: activateBatch });
  registerItemType(addonBookItemType);
  registerItemType(addonCancelItemType);
  registerItemType(conferenceItemType);
  registerItemType(deleteItemType);
  // Deactivated workplaces stay booked: deactivation keeps the base data, numbers and quota.
  registerUsageCounter(WORKPLACE_PRODUCT, (db, companyId) =>
    countByStatus(db, companyId, BOOKED_STATUSES),
  );
  registerBillableCounter(WORKPLACE_PRODUCT, (db, companyId, day) =>
    billableWorkplaces(db, companyId, day),
  );
  for (const key of PER_WORKPLACE_PRODUCTS) {
    registerUsageCounter(key, (db, companyId) => bookedAddons(db, companyId, key));
    registerBillableCounter(key, (db, companyId, day) => billableAddons(db, companyId, key, day));
  }
}
