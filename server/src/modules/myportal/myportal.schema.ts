import { z } from 'zod';
import { LIMITS } from '../../../../common/src/limits.ts';
import {
  PASSWORD_DELIVERIES,
  PROVISIONING_KINDS,
  WORKPLACE_STATUSES,
  MOBILE_MODES,
  BOOKING_STATUSES,
} from '../../db/schema/index.ts';

// ---- first login (public) ----

const username = z.string().trim().min(1).max(LIMITS.username.max);

export const requestBody = z.object({ username });
/** The same answer whether the username exists or not. */
export const requestAnswer = z.object({ accepted: z.literal(true) });

export const verifyBody = z.object({
  username,
  temporaryPassword: z.string().trim().min(1).max(64),
});
export const verifyAnswer = z.object({
  ticket: z.string(),
  expiresAt: z.string(),
  username: z.string(),
});

export const passwordBody = z.object({
  ticket: z.string().trim().min(1).max(200),
  password: z.string().max(LIMITS.password.max),
});

// ---- the end user's own view ----

const registration = z.enum(['registered', 'not_registered', 'unknown']);

export const deviceItem = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  category: z.string(),
  manufacturer: z.string().nullable(),
  provisioning: z.enum(PROVISIONING_KINDS),
  macAddress: z.string().nullable(),
  hasCredentials: z.boolean(),
  credentialsIssuedAt: z.string().nullable(),
  registration,
});

export const overviewAnswer = z.object({
  workplaceId: z.string(),
  status: z.enum(WORKPLACE_STATUSES),
  activatedAt: z.string().nullable(),
  companyName: z.string(),
  groupName: z.string(),
  areaName: z.string().nullable(),
  user: z.object({
    salutation: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    department: z.string().nullable(),
    username: z.string(),
    language: z.string(),
    timeZone: z.string(),
  }),
  numbers: z.object({
    main: z.string(),
    internal: z.string(),
    additional: z.array(z.string()),
  }),
  devices: z.array(deviceItem),
  mobile: z.object({ mode: z.enum(MOBILE_MODES), number: z.string().nullable() }),
  addons: z.array(
    z.object({ productKey: z.string(), name: z.string(), status: z.enum(BOOKING_STATUSES) }),
  ),
});

export const deviceParams = z.object({ deviceId: z.uuid() });

export const credentialsAnswer = z.object({
  deviceId: z.string(),
  credentials: z
    .object({
      sipUsername: z.string(),
      password: z.string(),
      registrar: z.string(),
      domain: z.string(),
      realm: z.string(),
      provisioningUrl: z.string().nullable(),
      issuedAt: z.string(),
    })
    .nullable(),
});

export const downloadsAnswer = z.object({
  items: z.array(z.object({ title: z.string(), url: z.string(), description: z.string() })),
});

// ---- admin side ----

export const workplaceParams = z.object({ companyId: z.string(), workplaceId: z.uuid() });

export const loginDataBody = z.object({
  authEmail: z.string().max(LIMITS.email.max),
  authEmailConfirm: z.string().max(LIMITS.email.max),
  authMobile: z.string().max(40).nullable().optional(),
  withoutMobile: z.boolean(),
});

export const loginDataAnswer = z.object({
  workplaceId: z.string(),
  status: z.enum(WORKPLACE_STATUSES),
  username: z.string(),
  authEmail: z.string(),
  authMobile: z.string().nullable(),
  withoutMobile: z.boolean(),
  passwordDelivery: z.enum(PASSWORD_DELIVERIES),
  account: z
    .object({
      passwordSet: z.boolean(),
      disabled: z.boolean(),
      lastLoginAt: z.string().nullable(),
      passwordChangedAt: z.string().nullable(),
    })
    .nullable(),
  temporaryPasswordExpiresAt: z.string().nullable(),
  canSendActivationMail: z.boolean(),
  canResetPassword: z.boolean(),
});

export const activationMailAnswer = z.object({ sentTo: z.string() });
export const passwordResetAnswer = z.object({
  delivery: z.enum(PASSWORD_DELIVERIES),
  sentTo: z.string(),
  expiresAt: z.string(),
});
