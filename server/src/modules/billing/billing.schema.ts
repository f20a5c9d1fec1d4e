import { z } from 'zod';
import { parseMonth } from '../../../../common/src/rules/billing.ts';

export const monthQuery = z.object({
  month: z
    .string()
    .refine((m) => parseMonth(m) !== null, { message: 'validation.billing.month_invalid' })
    .describe('YYYY-MM'),
});

export const billingLine = z.object({
  productKey: z.string(),
  name: z.string(),
  /** Days of the month with a quantity above 0. */
  days: z.number(),
  /** The largest day quantity of the month. */
  quantityMax: z.number(),
  /** Daily shares plus one-off prices, in cents. */
  amountCents: z.number(),
  /** The one-off prices included in amountCents. */
  oneOffCents: z.number(),
});

export const billingMonthOutput = z.object({
  month: z.string(),
  lines: z.array(billingLine),
  totalCents: z.number(),
});
export type BillingMonthOutput = z.infer<typeof billingMonthOutput>;
