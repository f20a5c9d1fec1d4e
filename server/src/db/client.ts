import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The drizzle handle, the same type for PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Dedicated {
  db: Db;
  release(): void;
}

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations',
);

export class OuterHandleInTransactionError extends Error {
  constructor(method: string) {
    super(
      `db.${method}() was called on the outer database handle inside a transaction; ` +
        'use the tx handle passed to the transaction callback (on PGlite this would deadlock)',
    );
    this.name = 'OuterHandleInTransactionError';
  }
}

const GUARDED = new Set<string | symbol>([
  'select',
  'selectDistinct',
  'selectDistinctOn',
  'insert',
  'update',
  'delete',
  'execute',
  'query',
  'transaction',
  'with',
  '$with',
  '$count',
  'refreshMaterializedView',
]);

/**
 * A connected database. `db` is guarded: inside `transaction()` any use of it throws
 * OuterHandleInTransactionError instead of silently deadlocking (PGlite has one connection).
 */
export class Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  private readonly raw: Db;
  private readonly inTransaction = new AsyncLocalStorage<true>();
  private readonly closeFn: () => Promise<void>;
  private readonly dedicatedFn: () => Promise<Dedicated>;
  private closed = false;
  /** PGlite only: the data directory as a tarball (test templates). */
  dumpDataDir: () => Promise<Blob> = () => Promise.reject(new Error('not PGlite'));

  constructor(
    kind: DatabaseKind,
    raw: Db,
    close: () => Promise<void>,
    dedicated?: () => Promise<Dedicated>,
  ) {
    this.kind = kind;
    this.raw = raw;
    this.closeFn = close;
    this.dedicatedFn = dedicated ?? (() => Promise.resolve({ db: raw, release: () => {} }));
    const guard = this.inTransaction;
    this.db = new Proxy(raw, {
      get(target, prop, receiver) {
        if (guard.getStore() && GUARDED.has(prop)) {
          throw new OuterHandleInTransactionError(String(prop));
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  }

  /** Runs fn in a transaction; fn must use only the tx handle it receives. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) {
      throw new OuterHandleInTransactionError('transaction');
    }
    return this.inTransaction.run(true, () => this.raw.transaction((tx) => fn(tx)));
  }

  /** One connection for session-level work (advisory locks); release it when done. */
  dedicated(): Promise<Dedicated> {
    return this.dedicatedFn();
  }

  /** True when the database answers a trivial query. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    if (this.closed) {
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const query = this.raw.execute(sql`select 1 as ok`).then(() => true as const);
      return await Promise.race([query, timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    await this.closeFn();
  }
}

/** Rows of a raw `execute()` result on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export interface OpenOptions {
  /** postgres://… for a server; otherwise PGlite in dataDir (or in memory when dataDir is null). */
  databaseUrl?: string | undefined;
  dataDir?: string | null;
  poolMax?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const [{ default: pg }, { drizzle }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
    ]);
    // Timestamps stay strings/Date as drizzle expects; bigint counts come back as numbers.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number.parseInt(v, 10));
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      application_name: 'zentrale',
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries report their own errors.
    });
    const raw = drizzle(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    const dedicated = async (): Promise<Dedicated> => {
      const client = await pool.connect();
      return {
        db: drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db,
        release: () => client.release(),
      };
    };
    return new Database('postgres', raw, () => pool.end(), dedicated);
  }
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}

/** PGlite in a data directory, in memory, or in memory from a dumped data directory. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }) {
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const raw = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  const database = new Database('pglite', raw, () => client.close());
  database.dumpDataDir = () => client.dumpDataDir('none');
  return database;
}
