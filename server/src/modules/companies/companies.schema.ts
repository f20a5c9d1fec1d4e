import { z } from 'zod';
import { LIMITS } from '../../../../common/src/limits.ts';

export const PRODUCTS = ['cloud_pbx', 'sip_trunk', 'zoom_phone', 'unify_office'] as const;
export const PARTNER_PRODUCTS = ['zoom_phone', 'unify_office'] as const;

const isoDate = z.iso.date();
const name = z.string().trim().min(1).max(LIMITS.name.max);

export const contractInput = z.object({
  status: z.enum(['active', 'ordered']),
  startDate: isoDate,
  street: z.string().trim().min(1).max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/),
  city: z.string().trim().min(1).max(100),
  country: z.literal('DE').default('DE'),
  products: z.array(z.enum(PRODUCTS)).max(PRODUCTS.length),
  workplaceQuota: z.number().int().min(0).max(100_000),
  parallelCalls: z.number().int().min(0).max(100_000),
  partnerLicences: z
    .object({
      zoom_phone: z.number().int().min(0).max(100_000).optional(),
      unify_office: z.number().int().min(0).max(100_000).optional(),
    })
    .strict()
    .default({}),
});

export const createCompanyBody = z.object({
  name,
  customerNumber: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.customerNumber.max)
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/),
  contactEmail: z.email().max(LIMITS.email.max).nullable().optional(),
  contract: contractInput,
});
export type CreateCompanyInput = z.infer<typeof createCompanyBody>;

export const updateCompanyBody = z
  .object({
    name: name.optional(),
    contactEmail: z.email().max(LIMITS.email.max).nullable().optional(),
  })
  .strict();

export const updateContractBody = contractInput.partial().strict();

export const contractOutput = z.object({
  status: z.enum(['active', 'ordered']),
  startDate: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  products: z.array(z.string()),
  workplaceQuota: z.number(),
  parallelCalls: z.number(),
  partnerLicences: z.record(z.string(), z.number()),
  updatedAt: z.string(),
});

export const adminOutput = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
});

export const companyOutput = z.object({
  id: z.string(),
  name: z.string(),
  customerNumber: z.string(),
  contactEmail: z.string().nullable(),
  createdAt: z.string(),
  contract: contractOutput,
  admins: z.array(adminOutput),
});
export type CompanyOutput = z.infer<typeof companyOutput>;

export const letterOutput = z.object({
  documentId: z.string(),
  filename: z.string(),
  expiresAt: z.string(),
});

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.pageSize.max)
    .default(LIMITS.pageSize.default),
};

export const listCompaniesQuery = z.object({
  search: z.string().trim().max(LIMITS.search.max).optional(),
  ...pageQuery,
});

export const companySummary = z.object({
  id: z.string(),
  name: z.string(),
  customerNumber: z.string(),
  contractStatus: z.enum(['active', 'ordered']),
  workplaceQuota: z.number(),
  parallelCalls: z.number(),
  adminCount: z.number(),
  createdAt: z.string(),
});

export const auditQuery = z.object({
  entity: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string(),
  actorRole: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.object({ before: z.unknown().optional(), after: z.unknown().optional() }),
});

export const companyParams = z.object({ companyId: z.string() });

/** A paged list answer. */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
