// Multi-row inserts of "Auftrag hinzufügen" (createWorkplacesInCart): the workplaces, their
// devices and add-ons, their activation items and audit entries — one statement per table and
// batch, whether the batch is the wizard's one workplace or a list of 10,000.
import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  auditLog,
  cartItems,
  workplaceAddons,
  workplaceDevices,
  workplaces,
} from '../../db/schema/index.ts';
import { recordAudit, type AuditEntry } from '../../platform/audit.ts';

const CHUNK = 2000;

/**
 * A multi-row insert with one JSON parameter instead of one parameter per value (thousands of
 * bind parameters are what makes big inserts slow on PGlite): the rows become records of the
 * table's own type with json_populate_recordset, so the database converts every value exactly
 * as it would a bound one. The columns are those of the first row (a row without a value for one
 * of them writes NULL there); the table's other columns get their default.
 */
async function bulkInsert<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]!).filter((k) => columns[k]);
  const names = keys.map((k) => columns[k]!.name);
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = rows.slice(i, i + CHUNK).map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        const value = (row as Record<string, unknown>)[key];
        // A key left out is NULL for json_populate_recordset: nulls need not travel.
        if (value !== null && value !== undefined) {
          record[names[index]!] = value instanceof Date ? value.toISOString() : value;
        }
      });
      return record;
    });
    await db.execute(
      sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${JSON.stringify(json)}::json)`,
    );
  }
}

/** New workplaces with their ids (given by the caller, so that their parts can refer to them). */
export async function insertWorkplaces(
  db: Executor,
  values: readonly (typeof workplaces.$inferInsert & { id: string })[],
): Promise<void> {
  await bulkInsert(db, workplaces, values);
}

export async function insertWorkplaceDevices(
  db: Executor,
  values: readonly (typeof workplaceDevices.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, workplaceDevices, values);
}

export async function insertWorkplaceAddons(
  db: Executor,
  values: readonly (typeof workplaceAddons.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, workplaceAddons, values);
}

/** Priced cart items with their ids (the multi-row insertCartItem of the orders module). */
export async function insertCartItems(
  db: Executor,
  values: readonly (typeof cartItems.$inferInsert & { id: string })[],
): Promise<void> {
  await bulkInsert(db, cartItems, values);
}

/** The audit_log row recordAudit writes for an entry: its own mapping and masking, captured. */
async function auditRowOf(entry: AuditEntry): Promise<typeof auditLog.$inferInsert> {
  let row: typeof auditLog.$inferInsert | undefined;
  const capture = {
    insert: () => ({
      values: (values: typeof auditLog.$inferInsert) => {
        row = values;
        return Promise.resolve();
      },
    }),
  };
  await recordAudit(capture as unknown as Executor, entry);
  return row!;
}

/** recordAudit (platform/audit.ts) for many entries, in one statement per chunk. */
export async function insertAuditEntries(
  db: Executor,
  entries: readonly AuditEntry[],
): Promise<void> {
  await bulkInsert(db, auditLog, await Promise.all(entries.map(auditRowOf)));
}
