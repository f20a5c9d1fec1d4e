import { z } from 'zod';
import { DOWNLOAD_LIMITS, downloadLink } from '../../../../common/src/downloads.ts';
import { CHANNELS, OUTBOX_STATUSES } from '../../db/schema/index.ts';
import { pageQuery, paged } from '../companies/companies.schema.ts';

export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  ...pageQuery,
});

export const outboxItem = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  recipient: z.string(),
  subject: z.string().nullable(),
  template: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  statusLabel: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const outboxPage = paged(outboxItem);
export const outboxMessage = outboxItem.extend({ body: z.string() });

const optionalUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .nullable()
  .optional();

export const providerOutput = z.object({
  name: z.string(),
  productName: z.string(),
  logoUrl: z.string().nullable(),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable(),
  helpBaseUrl: z.string(),
  postalAddress: z.string().nullable(),
  /** MyPortal "Hilfe & Downloads"; empty: the installation default (MYPORTAL_DOWNLOADS) applies. */
  downloads: z.array(z.object({ title: z.string(), url: z.string(), description: z.string() })),
});

export const providerBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    productName: z.string().trim().min(1).max(100).optional(),
    logoUrl: optionalUrl,
    supportEmail: z.email().nullable().optional(),
    supportPhone: z.string().trim().max(40).nullable().optional(),
    // Relative ("/hilfe") or absolute http(s) URL of the contextual help.
    helpBaseUrl: z
      .string()
      .trim()
      .max(500)
      .regex(/^(\/|https?:\/\/)/)
      .optional(),
    postalAddress: z.string().trim().max(500).nullable().optional(),
    /** The whole list in its order; [] falls back to the installation default. Strict, like the
     * body: a misspelt key is refused rather than silently dropped. */
    downloads: z.array(downloadLink.strict()).max(DOWNLOAD_LIMITS.items).optional(),
  })
  .strict();
