// Multi-row inserts of "Auftrag hinzufügen" (createWorkplacesInCart): the workplaces, their
// devices and add-ons, their activation items and audit entries — one statement per table and
// batch, whether the batch is the wizard's one workplace or a list of 10,000.
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
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

type Column = { name: string; getSQLType(): string };

/** A value as the text a bound parameter of its column carries. */
const paramText = (value: string | number | boolean | bigint | object): string =>
  typeof value !== 'object'
    ? String(value)
    : value instanceof Date
      ? value.toISOString()
      : JSON.stringify(value);

/**
 * A multi-row insert with one JSON parameter instead of one parameter per value (thousands of
 * bind parameters are what makes big inserts slow on PGlite): the rows become records of the
 * table's own type with json_populate_recordset, so the database converts every value exactly
 * as it would a bound one. A column with the same value in every row of a chunk (the company,
 * the creator, the time …) travels once, as one parameter cast to the column's type. The columns
 * are those of the first row (a row without a value for one of them writes NULL there); the
 * table's other columns get their default.
 */
async function bulkInsert<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const columns = getTableColumns(table) as unknown as Record<string, Column>;
  const keys = Object.keys(rows[0]!).filter((k) => columns[k]);
  const name = sql.raw(`"${getTableName(table)}"`);
  const list = sql.raw(keys.map((k) => `"${columns[k]!.name}"`).join(', '));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK) as readonly Record<string, unknown>[];
    const texts = keys.map((key) => {
      const first = chunk[0]![key];
      // (Array columns would need their own literal: they travel in the JSON.)
      if (first === null || first === undefined || columns[key]!.getSQLType().endsWith(']')) {
        return null;
      }
      const text = paramText(first);
      const same = (value: unknown) =>
        value === first || (value !== null && value !== undefined && paramText(value) === text);
      return chunk.every((row) => same(row[key])) ? text : null;
    });
    const varying = keys.filter((_, k) => texts[k] === null);
    const json = chunk.map((row) => {
      const record: Record<string, unknown> = {};
      for (const key of varying) {
        const value = row[key];
        // A key left out is NULL for json_populate_recordset: nulls need not travel.
        if (value !== null && value !== undefined) {
          record[columns[key]!.name] = value instanceof Date ? value.toISOString() : value;
        }
      }
      return record;
    });
    const values = sql.join(
      keys.map((key, k) => {
        const text = texts[k];
        return text === null
          ? sql.raw(`"${columns[key]!.name}"`)
          : sql`${text}::${sql.raw(columns[key]!.getSQLType())}`;
      }),
      sql`, `,
    );
    await db.execute(
      sql`insert into ${name} (${list}) select ${values} from json_populate_recordset(null::${name}, ${JSON.stringify(json)}::json)`,
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

/**
 * Rows with a random id of their own, as the column's default would give them: gen_random_uuid()
 * costs microseconds per row on PGlite, node's randomUUID a fraction of that.
 */
const withIds = <T extends { id?: string }>(rows: readonly T[]) =>
  rows.map((row) => ({ ...row, id: row.id ?? randomUUID() }));

export async function insertWorkplaceDevices(
  db: Executor,
  values: readonly (typeof workplaceDevices.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, workplaceDevices, withIds(values));
}

export async function insertWorkplaceAddons(
  db: Executor,
  values: readonly (typeof workplaceAddons.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, workplaceAddons, withIds(values));
}

/** Priced cart items with their ids (the multi-row insertCartItem of the orders module). */
export async function insertCartItems(
  db: Executor,
  values: readonly (typeof cartItems.$inferInsert & { id: string })[],
): Promise<void> {
  await bulkInsert(db, cartItems, values);
}

/** The prices of the company's items in a session cart (what tier repricing looks at). */
export async function cartPricesOfCompanySession(
  db: Executor,
  sessionId: string,
  companyId: string,
): Promise<
  Pick<typeof cartItems.$inferSelect, 'id' | 'priceLines' | 'oneOffCents' | 'monthlyCents'>[]
> {
  return db
    .select({
      id: cartItems.id,
      priceLines: cartItems.priceLines,
      oneOffCents: cartItems.oneOffCents,
      monthlyCents: cartItems.monthlyCents,
    })
    .from(cartItems)
    .where(and(eq(cartItems.sessionId, sessionId), eq(cartItems.companyId, companyId)));
}

/** New prices of many cart items (updateCartItem of the orders module for many), one statement. */
export async function updateCartItemPrices(
  db: Executor,
  rows: readonly Pick<
    typeof cartItems.$inferSelect,
    'id' | 'priceLines' | 'oneOffCents' | 'monthlyCents'
  >[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = rows.slice(i, i + CHUNK).map((r) => ({
      id: r.id,
      price_lines: r.priceLines,
      one_off_cents: r.oneOffCents,
      monthly_cents: r.monthlyCents,
    }));
    await db.execute(sql`
      update ${cartItems} c
      set price_lines = v.price_lines, one_off_cents = v.one_off_cents, monthly_cents = v.monthly_cents
      from json_populate_recordset(null::${cartItems}, ${JSON.stringify(json)}::json) v
      where c.id = v.id`);
  }
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
