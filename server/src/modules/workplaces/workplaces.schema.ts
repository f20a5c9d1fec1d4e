// Request and response schemas of the workplaces API (docs/contracts/workplaces-orders.md).
import { z } from 'zod';
import { LIMITS } from '../../../../common/src/limits.ts';
import { draftDataSchema, SECTIONS } from '../../../../common/src/workplaces/sections.ts';
import { WORKPLACE_STATUSES } from '../../db/schema/index.ts';
import { companyParams } from '../companies/companies.schema.ts';

export const draftParams = companyParams.extend({ draftId: z.uuid() });
export const sectionParams = draftParams.extend({ section: z.enum(SECTIONS) });
export const templateParams = companyParams.extend({ templateId: z.uuid() });
export const workplaceParams = companyParams.extend({ workplaceId: z.uuid() });
export const workplaceSectionParams = workplaceParams.extend({ section: z.enum(SECTIONS) });

const day = z.iso.date();

export const newDraftBody = z.object({
  templateId: z.uuid().optional(),
  standard: z.boolean().optional(),
});

export const validateQuery = z.object({ validate: z.enum(['true', 'false']).optional() });

export const draftOutput = z.object({
  id: z.string(),
  templateId: z.string().nullable(),
  updatedAt: z.string(),
  completed: z.array(z.enum(SECTIONS)),
  workplaceId: z.string().nullable(),
  data: draftDataSchema,
});

export const issueOutput = z.object({ field: z.string(), rule: z.string(), message: z.string() });

export const sectionSaved = z.object({ draft: draftOutput, warnings: z.array(issueOutput) });

export const mobileCheckBody = z.object({
  mobileNumber: z.string().trim().min(1).max(40),
  customerAccount: z.string().trim().max(40).optional(),
});

export const mobileCheckOutput = z.object({
  eligible: z.boolean(),
  needsCustomerAccount: z.boolean(),
  tariff: z.string().nullable(),
  message: z.string(),
});

export const priceLineOutput = z.object({
  productKey: z.string(),
  name: z.string(),
  quantity: z.number(),
  unitMonthlyCents: z.number(),
  oneOffCents: z.number(),
  tierFrom: z.number().nullable(),
});

export const priceOutput = z.object({
  lines: z.array(priceLineOutput),
  oneOffCents: z.number(),
  monthlyCents: z.number(),
});

export const cartItemOutput = z.object({
  id: z.string(),
  type: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  subjectId: z.string().nullable(),
  description: z.string(),
  activationDate: z.string().nullable(),
  earliestDate: z.string().nullable(),
  lines: z.array(priceLineOutput),
  oneOffCents: z.number(),
  monthlyCents: z.number(),
  createdAt: z.string(),
});

export const templateBody = z.object({ name: z.string().trim().min(1).max(100) });

export const templateOutput = z.object({
  id: z.string(),
  name: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  areaId: z.string().nullable(),
  blockingProfileId: z.string().nullable(),
  desktopClientModelId: z.string().nullable(),
  addons: z.array(z.string()),
  updatedAt: z.string(),
});

export const listQuery = z.object({
  search: z.string().trim().max(LIMITS.search.max).optional(),
  status: z.enum(WORKPLACE_STATUSES).optional(),
  groupId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.enum(['15', '30', '60']).default('15').transform(Number),
});

const quotaOutput = z.object({ configured: z.number(), available: z.number(), total: z.number() });

export const summaryOutput = z.object({
  id: z.string(),
  status: z.enum(WORKPLACE_STATUSES),
  firstName: z.string(),
  lastName: z.string(),
  username: z.string(),
  mainNumber: z.string(),
  internalNumber: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  areaName: z.string().nullable(),
  devices: z.number(),
  addons: z.array(z.string()),
  activatedAt: z.string().nullable(),
  minimumTermEnd: z.string().nullable(),
});

export const listOutput = z.object({
  items: z.array(summaryOutput),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  quota: quotaOutput,
});

const nullableText = z.string().nullable();

export const workplaceOutput = z.object({
  id: z.string(),
  status: z.enum(WORKPLACE_STATUSES),
  group: z.object({
    groupId: z.string(),
    groupName: z.string(),
    areaId: nullableText,
    areaName: nullableText,
    language: z.string(),
    timeZone: z.string(),
  }),
  user: z.object({
    salutation: nullableText,
    firstName: z.string(),
    lastName: z.string(),
    email: nullableText,
    street: nullableText,
    postalCode: nullableText,
    city: nullableText,
    department: nullableText,
  }),
  login: z.object({
    username: z.string(),
    authEmail: z.string(),
    authMobile: nullableText,
    passwordDelivery: z.enum(['sms', 'email']),
  }),
  number: z.object({
    mainNumber: z.string(),
    internalNumber: z.string(),
    nomadic: z.enum(['allowed', 'restricted']),
    additionalNumbers: z.array(z.string()),
  }),
  profile: z.object({
    blockingProfileId: nullableText,
    effective: z.object({ id: z.string(), name: z.string(), source: z.string() }).nullable(),
  }),
  devices: z.array(
    z.object({
      id: z.string(),
      deviceModelId: z.string(),
      name: z.string(),
      macAddress: nullableText,
      hasCredentials: z.boolean(),
    }),
  ),
  mobile: z.object({
    mode: z.enum(['none', 'integration', 'client']),
    mobileNumber: nullableText,
    tariff: nullableText,
    customerAccount: nullableText,
    directoryMobile: nullableText,
  }),
  addons: z.array(
    z.object({
      productKey: z.string(),
      status: z.string(),
      activeFrom: nullableText,
      minimumTermEnd: nullableText,
      endsOn: nullableText,
    }),
  ),
  activatedAt: nullableText,
  minimumTermEnd: nullableText,
  deletableFrom: nullableText,
  pendingItems: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      status: z.string(),
      activationDate: nullableText,
      description: z.string(),
    }),
  ),
});

export const addonsBody = z.object({
  add: z.array(z.string().max(60)).max(20).default([]),
  remove: z.array(z.string().max(60)).max(20).default([]),
  activationDate: day.nullable().optional(),
  /** For mobile_integration: the number to integrate and, outside the framework, the account. */
  mobileNumber: z.string().trim().max(40).optional(),
  customerAccount: z.string().trim().max(40).optional(),
});

export const conferenceBody = z.object({ productKey: z.string().max(60).nullable() });

export const deleteBody = z.object({ activationDate: day.nullable().optional() });
