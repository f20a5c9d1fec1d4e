export * from './jobs.ts';
export * from './accounts.ts';
