import { z } from 'zod';
import { companyParams } from '../companies/companies.schema.ts';

/** The input as people write it; the service reads it (see mobile-framework.rules.ts). */
export const frameworkBody = z.object({
  prefix: z.string().max(40),
  tariffKey: z.string().trim().min(1).max(60),
});
export type FrameworkBody = z.infer<typeof frameworkBody>;

export const frameworkParams = companyParams.extend({ id: z.uuid() });

export const frameworkEntry = z.object({
  id: z.string(),
  /** National digits without 0: a whole number or the start of a range. */
  prefix: z.string(),
  kind: z.enum(['number', 'range']),
  /** "0170 1234567" or "0170 123…". */
  display: z.string(),
  tariffKey: z.string(),
  tariffName: z.string(),
  tariffSegment: z.enum(['business', 'consumer']),
  createdAt: z.string(),
});
export type FrameworkEntryOutput = z.infer<typeof frameworkEntry>;

export const frameworkList = z.object({ items: z.array(frameworkEntry) });
