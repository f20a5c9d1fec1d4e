// SQL of the list import: the bulk forms of the workplaces module's single-row statements (same
// tables, same columns, same conditions), so that 10,000 rows cost a few dozen round trips.
import { and, eq, getTableColumns, getTableName, inArray, ne, sql, type Table } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  auditLog,
  cartItems,
  numberAssignments,
  numberInventoryVersions,
  users,
  workplaceAddons,
  workplaceDevices,
  workplaces,
} from '../../db/schema/index.ts';

const CHUNK = 500;
const BULK_CHUNK = 2000;

/**
 * A multi-row insert with one JSON parameter instead of one parameter per value (thousands of
 * bind parameters are what makes big inserts slow on PGlite): the rows become records of the
 * table's own type with json_populate_recordset, so the database converts every value exactly
 * as it would a bound one. Only the columns present in the first row are written.
 */
async function bulkInsert<T extends Table>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]!).filter((k) => columns[k]);
  const names = keys.map((k) => columns[k]!.name);
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const json = rows.slice(i, i + BULK_CHUNK).map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        const value = (row as Record<string, unknown>)[key];
        record[names[index]!] = value instanceof Date ? value.toISOString() : (value ?? null);
      });
      return record;
    });
    await db.execute(
      sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${JSON.stringify(json)}::json)`,
    );
  }
}

async function inChunks<T>(values: T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < values.length; i += CHUNK) {
    await run(values.slice(i, i + CHUNK));
  }
}

/**
 * usernameTaken of the workplaces repository for many names and no workplace of their own: a
 * live workplace of any company or an account with that name. Returns the lower-case names.
 */
export async function takenUsernames(db: Executor, names: string[]): Promise<Set<string>> {
  const lower = [...new Set(names.map((n) => n.trim().toLowerCase()))];
  const taken = new Set<string>();
  await inChunks(lower, async (chunk) => {
    const [wp, accounts] = await Promise.all([
      db
        .select({ name: sql<string>`lower(${workplaces.username})` })
        .from(workplaces)
        .where(
          and(inArray(sql`lower(${workplaces.username})`, chunk), ne(workplaces.status, 'deleted')),
        ),
      db.select({ name: users.username }).from(users).where(inArray(users.username, chunk)),
    ]);
    for (const row of [...wp, ...accounts]) {
      taken.add(row.name.toLowerCase());
    }
  });
  return taken;
}

/**
 * The guard of insertAssignmentAudited for a whole batch: the company's inventory still has the
 * version the numbers were located in, share-locked so that a lengthening waits for us.
 */
export async function lockInventoryVersion(
  db: Executor,
  companyId: string,
  version: number,
): Promise<boolean> {
  const rows = await db
    .select({ version: numberInventoryVersions.version })
    .from(numberInventoryVersions)
    .where(
      and(
        eq(numberInventoryVersions.companyId, companyId),
        eq(numberInventoryVersions.version, version),
      ),
    )
    .for('share');
  return rows.length > 0 || version === 0;
}

export async function insertWorkplacesBulk(
  db: Executor,
  values: (typeof workplaces.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, workplaces, values);
}

export async function insertDevicesBulk(
  db: Executor,
  values: (typeof workplaceDevices.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, workplaceDevices, values);
}

export async function insertAddonsBulk(
  db: Executor,
  values: (typeof workplaceAddons.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, workplaceAddons, values);
}

export async function insertAssignmentsBulk(
  db: Executor,
  values: (typeof numberAssignments.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, numberAssignments, values);
}

export async function insertCartItemsBulk(
  db: Executor,
  values: (typeof cartItems.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, cartItems, values);
}

/** recordAudit for many entries (the caller has taken secrets out, as withoutSecrets does). */
export async function insertAuditBulk(
  db: Executor,
  values: (typeof auditLog.$inferInsert)[],
): Promise<void> {
  await bulkInsert(db, auditLog, values);
}

/** The workplaces of a company for the export (not deleted), oldest first. */
export async function exportableWorkplaces(db: Executor, companyId: string) {
  return db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), ne(workplaces.status, 'deleted')))
    .orderBy(workplaces.createdAt, workplaces.lastName);
}

/** Devices and add-ons of the exported workplaces. */
export async function devicesAndAddons(db: Executor, companyId: string) {
  const [devices, addons] = await Promise.all([
    db
      .select()
      .from(workplaceDevices)
      .where(eq(workplaceDevices.companyId, companyId))
      .orderBy(workplaceDevices.workplaceId, workplaceDevices.position),
    db
      .select()
      .from(workplaceAddons)
      .where(and(eq(workplaceAddons.companyId, companyId), ne(workplaceAddons.status, 'ended'))),
  ]);
  return { devices, addons };
}
