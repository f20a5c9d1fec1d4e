import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { downloadLinks } from '../../common/src/downloads.ts';
import { LIMITS } from '../../common/src/limits.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => {
  return v === 'true' || v === '1' || v === 'yes';
});

const httpUrl = z.url({ protocol: /^https?$/ });

const hostName = z
  .string()
  .max(253)
  .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/);

/** MYPORTAL_DOWNLOADS: a JSON list of {title, url, description} for "Hilfe & Downloads". */
const downloadLinksJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(downloadLinks);

/** The environment variables Zentrale reads; every one is documented in the README. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: httpUrl.optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default('Zentrale <noreply@zentrale.invalid>'),
  SMS_GATEWAY_URL: httpUrl.optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  SMS_SENDER: z.string().min(1).max(11).default('Zentrale'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ZENTRALE_DEMO: booleanFlag.default(true),
  ZENTRALE_DEMO_PASSWORD: z.string().min(8).optional(),
  ZENTRALE_SECRET: z.string().min(32).optional(),
  ZENTRALE_WORKERS: booleanFlag.default(true),
  METRICS_TOKEN: z.string().min(16).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LETTER_CODE_DAYS: z.coerce.number().int().min(1).max(365).default(LIMITS.letterCodeDays),
  ACTIVATION_CODE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(LIMITS.activationCodeHours),
  /** List import (issue 9): largest upload and most workplaces per file. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(20_000),
  TEMP_PASSWORD_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
  SIP_DOMAIN: hostName.optional(),
  SIP_REALM: hostName.optional(),
  SIP_REGISTRAR: hostName.or(z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/)).optional(),
  PROVISIONING_BASE_URL: httpUrl.optional(),
  MYPORTAL_DOWNLOADS: downloadLinksJson.optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  publicUrl: string;
  smtp: { url: string | undefined; from: string };
  sms: { gatewayUrl: string | undefined; token: string | undefined; sender: string };
  logLevel: Env['LOG_LEVEL'];
  demo: { enabled: boolean; password: string | undefined };
  /** Key material for encrypting stored credentials; never logged. */
  secret: string;
  workers: boolean;
  metricsToken: string | undefined;
  trustProxy: boolean;
  sessions: { idleMinutes: number; maxHours: number };
  codes: { letterDays: number; activationHours: number };
  /** List import: largest upload in bytes, most workplace rows per file. */
  imports: { maxBytes: number; maxRows: number };
  /** SIP settings shown with device credentials; the realm is part of every stored HA1. */
  sip: { domain: string; realm: string; registrar: string; provisioningBaseUrl: string };
  /** MyPortal: validity of temporary passwords, the links of "Hilfe & Downloads". */
  myportal: {
    tempPasswordHours: number;
    downloads: { title: string; url: string; description: string }[];
  };
}

export class ConfigError extends Error {
  readonly problems: { variable: string; message: string }[];
  constructor(problems: { variable: string; message: string }[]) {
    super(
      'Ungültige Konfiguration / invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // Empty strings count as unset, as in most .env conventions.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: issue.path.join('.') || '(environment)',
        message: issue.message,
      })),
    );
  }
  if (result.data.NODE_ENV === 'production' && !result.data.ZENTRALE_SECRET) {
    throw new ConfigError([
      { variable: 'ZENTRALE_SECRET', message: 'required in production (at least 32 characters)' },
    ]);
  }
  return result.data;
}

/** Builds the runtime configuration; a missing secret is generated once into DATA_DIR. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = parseEnv(source);
  const dataDir = path.resolve(env.DATA_DIR);
  return configFromEnv(env, env.ZENTRALE_SECRET ?? readOrCreateSecret(dataDir));
}

/** Maps validated variables to the configuration object (no I/O). */
export function configFromEnv(env: Env, secret: string): Config {
  const publicHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  const publicUrl = (env.PUBLIC_URL ?? `http://${publicHost}:${env.PORT}`).replace(/\/$/, '');
  const sipDomain = env.SIP_DOMAIN ?? new URL(publicUrl).hostname;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    publicUrl: (env.PUBLIC_URL ?? `http://${publicHost}:${env.PORT}`).replace(/\/$/, ''),
    smtp: { url: env.SMTP_URL, from: env.SMTP_FROM },
    sms: { gatewayUrl: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN, sender: env.SMS_SENDER },
    logLevel: env.LOG_LEVEL,
    demo: { enabled: env.ZENTRALE_DEMO, password: env.ZENTRALE_DEMO_PASSWORD },
    secret,
    workers: env.ZENTRALE_WORKERS,
    metricsToken: env.METRICS_TOKEN,
    trustProxy: env.TRUST_PROXY,
    sessions: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    codes: { letterDays: env.LETTER_CODE_DAYS, activationHours: env.ACTIVATION_CODE_HOURS },
    imports: { maxBytes: env.IMPORT_MAX_BYTES, maxRows: env.IMPORT_MAX_ROWS },
    sip: {
      domain: sipDomain,
      realm: env.SIP_REALM ?? sipDomain,
      registrar: env.SIP_REGISTRAR ?? sipDomain,
      provisioningBaseUrl: (env.PROVISIONING_BASE_URL ?? publicUrl).replace(/\/$/, ''),
    },
    myportal: {
      tempPasswordHours: env.TEMP_PASSWORD_HOURS,
      downloads: env.MYPORTAL_DOWNLOADS ?? [],
    },
  };
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return readFileSync(file, 'utf8').trim();
    }
    throw err;
  }
  return secret;
}
