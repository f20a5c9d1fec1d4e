export * from './jobs.ts';
export * from './accounts.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './notifications.ts';
export * from './numbers.ts';
export * from './org.ts';
export * from './catalog.ts';
