import { z } from 'zod';

export const healthResponse = z.object({ status: z.literal('ok') });
export const healthUnavailable = z.object({
  status: z.literal('unavailable'),
  reason: z.string(),
});

export const metaResponse = z.object({
  productName: z.string(),
  providerName: z.string(),
  helpBaseUrl: z.string(),
  logoUrl: z.string().nullable(),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable(),
  version: z.string(),
});
export type Meta = z.infer<typeof metaResponse>;
