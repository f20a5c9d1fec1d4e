import { z } from 'zod';
import { HOST_KINDS } from '../../../../common/src/rules/addons.ts';
import { tierProblems } from '../../../../common/src/rules/pricing.ts';
import { PRODUCT_KINDS, PROVISIONING_KINDS, TARIFF_SEGMENTS } from '../../db/schema/index.ts';

// Money is whole euro cents; 1 000 000 € a month is far beyond any telephony price.
const cents = z.number().int().min(0).max(100_000_000);
const productKey = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/);
const severity = z.enum(['error', 'warning']).optional();

/** A dependency rule as stored in the catalogue (see common/src/rules/addons.ts). */
export const dependencyRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('company_has'), product: productKey, severity }),
  z.object({
    kind: z.literal('min_workplaces_with'),
    product: productKey,
    count: z.number().int().min(1).max(10_000),
    severity,
  }),
  z.object({ kind: z.literal('exclusive_with'), product: productKey, severity }),
  z.object({ kind: z.literal('own_step'), severity }),
  z.object({
    kind: z.literal('configured_after'),
    product: productKey,
    count: z.number().int().min(1).max(10_000),
    severity,
  }),
  z.object({
    kind: z.literal('available_for'),
    hosts: z.array(z.enum(HOST_KINDS)).min(1).max(HOST_KINDS.length),
    severity,
  }),
]);

const tier = z.object({ from: z.number().int().min(1).max(1_000_000), monthlyCents: cents });

/** Tiers ascending from 1; a broken list names the index and the rule (i18n key as message). */
export const tiersInput = z
  .array(tier)
  .max(20)
  .superRefine((tiers, ctx) => {
    for (const { index, problem } of tierProblems(tiers)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'from'],
        message: `validation.catalog.${problem}`,
      });
    }
  });

export const productOutput = z.object({
  key: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  name: z.string(),
  nameDe: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionDe: z.string(),
  descriptionEn: z.string(),
  oneOffCents: z.number(),
  monthlyCents: z.number(),
  tiers: z.array(z.object({ from: z.number(), monthlyCents: z.number() })),
  minimumTermDays: z.number(),
  requires: z.array(dependencyRule),
  active: z.boolean(),
  sortOrder: z.number(),
  updatedAt: z.string(),
});
export type ProductOutput = z.infer<typeof productOutput>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const productsQuery = z.object({
  kind: z.enum(PRODUCT_KINDS).optional(),
  /** Deactivated products too (the operator console). */
  includeInactive: flag.optional(),
});

export const productParams = z.object({ key: productKey });

const text = (max: number) => z.string().trim().min(1).max(max);

export const productPatch = z
  .object({
    nameDe: text(200).optional(),
    nameEn: text(200).optional(),
    descriptionDe: z.string().trim().max(1000).optional(),
    descriptionEn: z.string().trim().max(1000).optional(),
    oneOffCents: cents.optional(),
    monthlyCents: cents.optional(),
    tiers: tiersInput.optional(),
    minimumTermDays: z.number().int().min(0).max(3650).optional(),
    requires: z.array(dependencyRule).max(20).optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type ProductPatch = z.infer<typeof productPatch>;

export const priceQuery = z.object({ count: z.coerce.number().int().min(0).max(1_000_000) });
export const priceOutput = z.object({
  key: z.string(),
  count: z.number(),
  unitMonthlyCents: z.number(),
  totalMonthlyCents: z.number(),
  oneOffCents: z.number(),
  tierFrom: z.number().nullable(),
  minimumTermDays: z.number(),
});

export const addonCheckBody = z.object({
  companyProducts: z.array(productKey).max(100).default([]),
  workplacesWith: z.record(productKey, z.number().int().min(0).max(1_000_000)).default({}),
  chosen: z.array(productKey).max(50),
  host: z.enum(HOST_KINDS).optional(),
});

export const addonCheckOutput = z.object({
  ok: z.boolean(),
  violations: z.array(
    z.object({
      product: z.string(),
      key: z.string(),
      severity: z.enum(['error', 'warning']),
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

const deviceKey = z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/);
const pathPart = text(100);

export const deviceOutput = z.object({
  id: z.string(),
  key: z.string(),
  category: z.string(),
  manufacturer: z.string().nullable(),
  series: z.string().nullable(),
  name: z.string(),
  /** Category → manufacturer → series, without the empty levels. */
  path: z.array(z.string()),
  provisioning: z.enum(PROVISIONING_KINDS),
  extended: z.boolean(),
  requiresAnyOf: z.array(z.string()),
  active: z.boolean(),
  sortOrder: z.number(),
});
export type DeviceOutput = z.infer<typeof deviceOutput>;

export const devicesQuery = z.object({
  /** "Erweiterte Endgeräte Profile anzeigen": also Leiter, Assistent, Agent. */
  extended: flag.default(false),
  search: z.string().trim().max(100).optional(),
  includeInactive: flag.optional(),
});

export const deviceBody = z
  .object({
    key: deviceKey,
    category: pathPart,
    manufacturer: pathPart.nullable().default(null),
    series: pathPart.nullable().default(null),
    name: pathPart,
    provisioning: z.enum(PROVISIONING_KINDS),
    extended: z.boolean().default(false),
    requiresAnyOf: z.array(productKey).max(10).default([]),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type DeviceBody = z.infer<typeof deviceBody>;

export const devicePatch = z
  .object({
    category: pathPart.optional(),
    manufacturer: pathPart.nullable().optional(),
    series: pathPart.nullable().optional(),
    name: pathPart.optional(),
    provisioning: z.enum(PROVISIONING_KINDS).optional(),
    extended: z.boolean().optional(),
    requiresAnyOf: z.array(productKey).max(10).optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type DevicePatch = z.infer<typeof devicePatch>;

export const deviceParams = z.object({ id: z.uuid() });

const tariff = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9_]{1,59}$/),
  name: text(100),
  segment: z.enum(TARIFF_SEGMENTS),
});
export const tariffsOutput = z.object({ items: z.array(tariff) });
export const tariffsBody = z.object({
  items: z
    .array(tariff)
    .max(500)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        for (const field of ['key', 'name'] as const) {
          const value = `${field}:${item[field].toLowerCase()}`;
          if (seen.has(value)) {
            ctx.addIssue({ code: 'custom', path: [index, field], message: 'field.unique' });
          }
          seen.add(value);
        }
      });
    }),
});
export type TariffsBody = z.infer<typeof tariffsBody>;
