// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { loadConfig } from '../config.ts';
import { openDatabase } from './client.ts';
import { lockDataDir } from './lock.ts';
import { migrateDatabase } from './migrate.ts';
import { loadDotEnv } from '../env-file.ts';

loadDotEnv();

const config = loadConfig();
const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
try {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: 2,
  });
  try {
    await migrateDatabase(database);
    console.log(`Migrationen angewendet (${database.kind}).`);
  } finally {
    await database.close();
  }
} finally {
  lock?.release();
}
