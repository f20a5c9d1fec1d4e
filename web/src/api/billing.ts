import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from './client.ts';

/** One product's charges in a month (seed 000 Schritt 7: per day at the day's maximum). */
export interface BillingLine {
  productKey: string;
  name: string;
  /** Days charged in the month. */
  days: number;
  quantityMax: number;
  /** Daily shares plus one-off prices. */
  amountCents: number;
  /** The one-off prices included in amountCents. */
  oneOffCents: number;
}

export interface BillingMonth {
  month: string;
  lines: BillingLine[];
  totalCents: number;
}

const billingPath = (companyId: string) =>
  `/api/v1/companies/${encodeURIComponent(companyId)}/billing`;

export function useBilling(companyId: string, month: string) {
  return useQuery({
    queryKey: ['billing', companyId, month],
    queryFn: ({ signal }) =>
      apiFetch<BillingMonth>(withQuery(billingPath(companyId), { month }), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The monthly CSV (one row per day and product); the browser downloads it with the session cookie. */
export function billingExportUrl(companyId: string, month: string): string {
  return withQuery(`${billingPath(companyId)}/export`, { month });
}
