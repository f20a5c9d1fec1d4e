// Which workplace statuses count for what.
import type { WorkplaceStatus } from '../../db/schema/index.ts';

/** Workplaces that count against the contract's quota ("configured"). */
export const CONFIGURED_STATUSES: WorkplaceStatus[] = [
  'in_cart',
  'ordered',
  'active',
  'deactivated',
];
/** Workplaces that are booked (priced and billed): the cart's own are counted by the cart. */
export const BOOKED_STATUSES: WorkplaceStatus[] = ['ordered', 'active', 'deactivated'];
