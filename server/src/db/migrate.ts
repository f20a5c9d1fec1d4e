import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, type Database } from './client.ts';

// Several app processes may start at once against one PostgreSQL server: serialize migrations.
const MIGRATION_LOCK_KEY = 7_244_019_301;

/** Applies all pending migrations from server/migrations. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'public' };
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, config);
    return;
  }
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // Session-level advisory lock: lock, migrate and unlock on one connection.
  const session = await database.dedicated();
  try {
    await session.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migrate(session.db as never, config);
    } finally {
      await session.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    session.release();
  }
}
