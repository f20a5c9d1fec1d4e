import { z } from 'zod';
import { companyParams } from '../companies/companies.schema.ts';

const lengthKinds = z.enum(['short', 'standard', 'lengthened']);

export const blockOutput = z.object({
  id: z.string(),
  kind: z.enum(['block', 'single']),
  groupId: z.string().nullable(),
  display: z.string(),
  e164Prefix: z.string(),
  extensionLength: z.number(),
  availableFrom: z.string().nullable(),
  availability: z.enum(['current', 'future']),
  source: z.enum(['new', 'ported']),
  decades: z.array(
    z.object({
      digit: z.number(),
      extra: z.number(),
      lengths: z.array(
        z.object({
          extensionLength: z.number(),
          nationalLength: z.number(),
          displayLength: z.number(),
          count: z.number(),
          kind: lengthKinds,
        }),
      ),
    }),
  ),
  numbersTotal: z.number(),
  assignedTotal: z.number(),
});

export const newBlockBody = z.object({
  kind: z.enum(['block', 'single']),
  number: z.string().trim().min(1).max(40),
  extensionLength: z.number().int().min(1).max(6).optional(),
  decades: z.array(z.number().int().min(0).max(9)).min(1).max(10).optional(),
  availableFrom: z.iso.date().nullable().optional(),
  source: z.enum(['new', 'ported']).optional(),
  groupId: z.uuid().nullable().optional(),
});

/** "current,future" → ['current','future'] */
const availabilityList = z
  .string()
  .regex(/^(current|future)(,(current|future))?$/)
  .transform((s) => s.split(',') as ('current' | 'future')[]);

/** "standard", "any" (Jede) or a display length such as 13. */
export const lengthParam = z
  .union([z.enum(['standard', 'any']), z.coerce.number().int().min(5).max(16)])
  .default('standard');

export const blocksQuery = z.object({
  availability: availabilityList.optional(),
  groupId: z.string().max(40).optional(),
});

export const numberItem = z.object({
  e164: z.string(),
  display: z.string(),
  blockId: z.string(),
  decade: z.number().nullable(),
  extensionLength: z.number(),
  displayLength: z.number(),
  state: z.enum(['free', 'reserved', 'assigned']),
  assignedTo: z.object({ type: z.string(), id: z.string(), label: z.string() }).nullable(),
  assignmentId: z.string().nullable(),
});

export const numberPage = z.object({
  items: z.array(numberItem),
  nextCursor: z.string().nullable(),
});

const stateParam = z.enum(['free', 'taken', 'all']).default('free');
const limitParam = z.coerce.number().int().min(1).max(200).default(50);

export const decadeParams = companyParams.extend({
  blockId: z.uuid(),
  digit: z.coerce.number().int().min(0).max(9),
});

export const decadeNumbersQuery = z.object({
  length: lengthParam,
  state: stateParam,
  cursor: z.string().max(40).optional(),
  limit: limitParam,
});

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(40),
  length: lengthParam,
  state: stateParam,
  availability: availabilityList.optional(),
  groupId: z.string().max(40).optional(),
  cursor: z.string().max(60).optional(),
  limit: limitParam,
});

export const lengthenBody = z.object({
  by: z
    .number()
    .int()
    .min(-10)
    .max(10)
    .refine((n) => n !== 0),
});

export const assignBody = z.object({
  number: z.string().trim().min(1).max(40),
  targetType: z.enum([
    'workplace',
    'trunk_workplace',
    'sip_trunk',
    'partner_upload',
    'company_function',
  ]),
  targetId: z.string().trim().min(1).max(100),
  targetLabel: z.string().trim().max(200).optional(),
  state: z.enum(['reserved', 'assigned']).optional(),
});

export const assignmentOutput = z.object({
  id: z.string(),
  e164: z.string(),
  state: z.enum(['reserved', 'assigned']),
  targetType: z.string(),
  targetId: z.string(),
  targetLabel: z.string(),
  createdAt: z.string(),
});
