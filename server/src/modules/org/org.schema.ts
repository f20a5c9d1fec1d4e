import { z } from 'zod';
import { CATEGORY_KEYS, DIRECTIONS } from '../../../../common/src/rules/barring.ts';
import { companyParams } from '../companies/companies.schema.ts';

export const callInfo = z
  .object({
    numberMode: z.enum(['workplace', 'number']),
    number: z.string().trim().max(40).nullable(),
    displayName: z.string().trim().max(60).nullable(),
  })
  .refine((c) => c.numberMode === 'workplace' || Boolean(c.number), {
    message: 'field.required',
    path: ['number'],
  });

const timeZone = z
  .string()
  .max(60)
  .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', {
    message: 'field.invalid',
  });

export const groupBody = z.object({
  name: z.string().trim().min(1).max(100),
  shortCode: z
    .string()
    .trim()
    .min(1)
    .max(10)
    .regex(/^[A-Za-z0-9_-]+$/),
  street: z.string().trim().min(1).max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/),
  city: z.string().trim().min(1).max(100),
  timeZone: timeZone.default('Europe/Berlin'),
  dialCode: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .nullable()
    .optional(),
});

export const groupPatch = groupBody.partial().extend({
  blockingProfileId: z.uuid().nullable().optional(),
  callInfo: callInfo.nullable().optional(),
});

export const areaBody = z.object({
  name: z.string().trim().min(1).max(100),
  callInfo: callInfo.nullable().optional(),
});
export const areaPatch = areaBody.partial();

export const callInfoOut = z.object({
  numberMode: z.string(),
  number: z.string().nullable(),
  displayName: z.string().nullable(),
});

export const groupOutput = z.object({
  id: z.string(),
  name: z.string(),
  shortCode: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  timeZone: z.string(),
  dialCode: z.string().nullable(),
  isDefault: z.boolean(),
  blockingProfileId: z.string().nullable(),
  callInfo: callInfoOut.nullable(),
  areas: z.array(z.object({ id: z.string(), name: z.string(), callInfo: callInfoOut.nullable() })),
  numberBlocks: z.number(),
  workplaces: z.number(),
});

export const areaOutput = z.object({
  id: z.string(),
  name: z.string(),
  callInfo: callInfoOut.nullable(),
});

export const ruleBody = z.object({
  direction: z.enum(DIRECTIONS),
  category: z.enum(['custom', ...CATEGORY_KEYS] as [string, ...string[]]),
  prefix: z.string().trim().max(20).nullable().optional(),
  effect: z.enum(['bar', 'allow']),
});

export const profileBody = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  rules: z.array(ruleBody).max(200),
});
export const profilePatch = profileBody.partial();

export const profileOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  isSystem: z.boolean(),
  isStandard: z.boolean(),
  rules: z.array(
    z.object({
      direction: z.string(),
      category: z.string(),
      prefix: z.string().nullable(),
      effect: z.string(),
    }),
  ),
});

export const effectiveOutput = z.object({
  profile: profileOutput,
  source: z.enum(['workplace', 'group', 'company']),
});

export const callInfoEffective = z.object({
  value: callInfoOut,
  source: z.enum(['company', 'group', 'area', 'workplace', 'default']),
});

export const groupParams = companyParams.extend({ groupId: z.uuid() });
export const areaParams = companyParams.extend({ areaId: z.uuid() });
export const profileParams = companyParams.extend({ profileId: z.uuid() });
