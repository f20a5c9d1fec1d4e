// Test databases: a fresh PGlite in memory by default, a fresh PostgreSQL database when
// DATABASE_URL is set (CI runs the same integration files both ways). Never a mock.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, openDatabase, openPglite, type Database } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';

export interface TestDb {
  database: Database;
  /** The URL of the private PostgreSQL database, or undefined on PGlite. */
  url: string | undefined;
  close(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

export async function createTestDb(): Promise<TestDb> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openPglite({ loadDataDir: await pgliteTemplate() });
    await migrateDatabase(database);
    return { database, url: undefined, close: () => database.close() };
  }
  const fresh = await createPostgresDatabase(adminUrl);
  const database = await openDatabase({ databaseUrl: fresh.url, poolMax: 8 });
  await migrateDatabase(database);
  return {
    database,
    url: fresh.url,
    async close() {
      await database.close();
      await fresh.drop();
    },
  };
}

/** An empty database of its own on the server behind adminUrl. */
export async function createPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zt_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A migrated PGlite data directory as a tarball, shared by all test files through a temp file
 * keyed by the migrations: loading it takes ~0.3 s where initdb + migrations take ~2 s.
 */
async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) {
      hash.update(file).update(readFileSync(full));
    }
  }
  const file = path.join(tmpdir(), `zentrale-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) {
    return new Blob([readFileSync(file)]);
  }
  const database = await openPglite({});
  await migrateDatabase(database);
  const dump = await database.dumpDataDir();
  await database.close();
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}
