import pino, { type Logger, type LoggerOptions } from 'pino';

/** Paths whose values never reach a log line (passwords, codes, tokens, cookies). */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'newPassword',
  'code',
  'token',
  'secret',
  '*.password',
  '*.newPassword',
  '*.passwordHash',
  '*.code',
  '*.token',
  '*.secret',
  '*.sipPassword',
  'config.secret',
  'config.demo.password',
  'config.databaseUrl',
  'config.smtp.url',
  'config.sms.token',
  'config.metricsToken',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'zentrale' },
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

export type { Logger };
