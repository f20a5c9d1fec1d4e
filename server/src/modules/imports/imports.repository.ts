// SQL of the list imports (table list_imports): the uploaded file, the state as the service keeps
// it, and the checked rows — written once per check, paged in the database. Company id is always
// given; an expired import is gone for every reader, whether or not the sweep has run yet.
import { and, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { listImports } from '../../db/schema/index.ts';
import type { ImportState, ImportStatus, StoredRow } from './imports.store.ts';

const own = (companyId: string, id: string, now: Date) =>
  and(eq(listImports.companyId, companyId), eq(listImports.id, id), gt(listImports.expiresAt, now));

const stateValue = (state: ImportState) => state as unknown as Record<string, unknown>;

export async function insertImport(
  db: Executor,
  state: ImportState,
  file: Uint8Array,
  expiresAt: Date,
): Promise<void> {
  await db.insert(listImports).values({
    id: state.id,
    companyId: state.companyId,
    userId: state.userId,
    sessionId: state.sessionId || null,
    status: state.status,
    fileName: state.fileName,
    // As base64 text decoded by the database: the drivers' bytea parameters are hex strings
    // built byte by byte (slow for a 10 MB upload on PGlite).
    file: sql`decode(${Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('base64')}, 'base64')`,
    state: stateValue(state),
    createdAt: new Date(state.createdAt),
    updatedAt: new Date(state.updatedAt),
    expiresAt,
  });
}

/**
 * Writes the state (one small jsonb value: progress polls stay cheap); with `from`, only while
 * the import is in one of those statuses (two "Importieren" clicks: one wins). With `rows`, the
 * checked rows too. Returns whether the row was written.
 */
export async function updateImport(
  db: Executor,
  state: ImportState,
  options: { from?: readonly ImportStatus[]; rows?: readonly StoredRow[] } = {},
): Promise<boolean> {
  const written = await db
    .update(listImports)
    .set({
      status: state.status,
      sessionId: state.sessionId || null,
      state: stateValue(state),
      updatedAt: new Date(state.updatedAt),
      ...(options.rows ? { rows: options.rows as unknown[] } : {}),
    })
    .where(
      and(
        eq(listImports.companyId, state.companyId),
        eq(listImports.id, state.id),
        options.from ? inArray(listImports.status, [...options.from]) : undefined,
      ),
    )
    .returning({ id: listImports.id });
  return written.length > 0;
}

/** One column of a live import of the company, or null when there is none. */
async function column<K extends 'state' | 'rows'>(
  db: Executor,
  companyId: string,
  id: string,
  now: Date,
  key: K,
): Promise<(typeof listImports.$inferSelect)[K] | null> {
  const rows = await db
    .select({ value: listImports[key] })
    .from(listImports)
    .where(own(companyId, id, now));
  return (rows[0]?.value as (typeof listImports.$inferSelect)[K] | undefined) ?? null;
}

export async function findImport(
  db: Executor,
  companyId: string,
  id: string,
  now: Date,
): Promise<ImportState | null> {
  return (await column(db, companyId, id, now, 'state')) as ImportState | null;
}

export async function importFile(
  db: Executor,
  companyId: string,
  id: string,
  now: Date,
): Promise<Buffer | null> {
  const rows = await db
    .select({ base64: sql<string>`encode(${listImports.file}, 'base64')` })
    .from(listImports)
    .where(own(companyId, id, now));
  return rows[0] ? Buffer.from(rows[0].base64, 'base64') : null;
}

/** All checked rows of an import ([] before the check). */
export async function importRowsOf(
  db: Executor,
  companyId: string,
  id: string,
  now: Date,
): Promise<StoredRow[]> {
  return ((await column(db, companyId, id, now, 'rows')) as StoredRow[] | null) ?? [];
}

/** One page of the checked rows in file order, filtered by status (null = all), and the total. */
export async function importRowsPage(
  db: Executor,
  companyId: string,
  id: string,
  now: Date,
  query: { statuses: readonly string[] | null; offset: number; limit: number },
): Promise<{ rows: StoredRow[]; total: number }> {
  const statuses = query.statuses ? JSON.stringify(query.statuses) : null;
  const result = await db.execute(sql`
    with f as (
      select e.value, e.n
      from ${listImports}, jsonb_array_elements(coalesce(${listImports.rows}, '[]'::jsonb))
        with ordinality as e(value, n)
      where ${own(companyId, id, now)}
        and (${statuses}::jsonb is null
             or e.value->>'status' in (select jsonb_array_elements_text(${statuses}::jsonb)))
    )
    select (select count(*)::int from f) as total,
           (select coalesce(jsonb_agg(p.value order by p.n), '[]'::jsonb)
              from (select value, n from f order by n limit ${query.limit} offset ${query.offset}) p
           ) as rows`);
  const row = rowsOf<{ total: number; rows: StoredRow[] | string }>(result)[0];
  const page = typeof row?.rows === 'string' ? (JSON.parse(row.rows) as StoredRow[]) : row?.rows;
  return { rows: page ?? [], total: row?.total ?? 0 };
}

/** The imports of a company started by a user, newest first. */
export async function listImportStates(
  db: Executor,
  companyId: string,
  userId: string,
  now: Date,
  limit: number,
): Promise<ImportState[]> {
  const rows = await db
    .select({ state: listImports.state })
    .from(listImports)
    .where(
      and(
        eq(listImports.companyId, companyId),
        eq(listImports.userId, userId),
        gt(listImports.expiresAt, now),
      ),
    )
    .orderBy(desc(listImports.createdAt))
    .limit(limit);
  return rows.map((r) => r.state as unknown as ImportState);
}

/** Deletes expired imports (files and rows with them); returns how many. */
export async function deleteExpiredImports(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .delete(listImports)
    .where(lte(listImports.expiresAt, now))
    .returning({ id: listImports.id });
  return rows.length;
}
