import { z } from 'zod';
import { LIMITS } from '../../../../common/src/limits.ts';
import { passwordRuleKey, passwordViolations } from '../../../../common/src/rules/password.ts';

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(['operator', 'admin', 'portal', 'end_user']),
  companies: z.array(z.object({ id: z.string(), name: z.string(), customerNumber: z.string() })),
  language: z.string(),
});

export const sessionAnswer = z.object({ user: sessionUser, csrfToken: z.string() });

export const loginBody = z.object({
  username: z.string().trim().min(1).max(LIMITS.username.max),
  password: z.string().min(1).max(LIMITS.password.max),
});

/** Service-portal usernames: letters, digits and . _ - @ (e-mail style names are common). */
export const accountUsername = z
  .string()
  .trim()
  .min(LIMITS.accountUsername.min)
  .max(LIMITS.accountUsername.max)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/);

export const registerBody = z
  .object({
    username: accountUsername,
    email: z.email().max(LIMITS.email.max),
    password: z.string(),
    displayName: z.string().trim().max(LIMITS.name.max).optional(),
  })
  .superRefine((value, ctx) => {
    for (const rule of passwordViolations(value.password, value.username)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: passwordRuleKey(rule) });
    }
  });

export const tokenItem = z.object({
  id: z.string(),
  name: z.string(),
  tokenPrefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(LIMITS.apiTokenName.max),
  expiresAt: z.iso.date().optional(),
});

export const sessionItem = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
