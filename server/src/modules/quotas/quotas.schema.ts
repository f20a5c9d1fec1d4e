import { z } from 'zod';

export const quotasOutput = z.object({
  workplaces: z.object({
    /** Workplaces in the cart, ordered, active or deactivated. */
    configured: z.number(),
    /** Contract quota minus configured, never below 0. */
    available: z.number(),
    /** The contract's workplace quota. */
    total: z.number(),
  }),
  parallelCalls: z.object({
    /** Parallel calls booked on the contract. */
    booked: z.number(),
    /** Calls in progress; null = unknown (no telephony data yet). */
    inUse: z.number().nullable(),
  }),
  licences: z.array(
    z.object({ product: z.string(), name: z.string(), total: z.number(), used: z.number() }),
  ),
});
export type QuotasOutput = z.infer<typeof quotasOutput>;
