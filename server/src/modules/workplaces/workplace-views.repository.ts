// Read-only views over workplaces: the list with search and filters, the billing day counts,
// the carts' units for live prices and a workplace's open order items.
import { and, asc, count, eq, ilike, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  areas,
  groups,
  orderItems,
  workplaceAddons,
  workplaces,
  type WorkplaceStatus,
} from '../../db/schema/index.ts';
import type { WorkplaceRow } from './workplaces.repository.ts';

export interface ListQuery {
  search?: string | undefined;
  status?: WorkplaceStatus | undefined;
  groupId?: string | undefined;
  limit: number;
  offset: number;
}

export interface WorkplaceListRow {
  workplace: WorkplaceRow;
  groupName: string;
  areaName: string | null;
}

function listFilter(companyId: string, q: Omit<ListQuery, 'limit' | 'offset'>): SQL {
  const parts: (SQL | undefined)[] = [eq(workplaces.companyId, companyId)];
  parts.push(q.status ? eq(workplaces.status, q.status) : ne(workplaces.status, 'deleted'));
  if (q.groupId) {
    parts.push(eq(workplaces.groupId, q.groupId));
  }
  const term = q.search?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = term.replace(/[^\d]/g, '');
    parts.push(
      or(
        ilike(workplaces.firstName, like),
        ilike(workplaces.lastName, like),
        sql`(${workplaces.firstName} || ' ' || ${workplaces.lastName}) ilike ${like}`,
        ilike(workplaces.username, like),
        ilike(workplaces.internalNumber, like),
        // Numbers are stored as +49…: "089 1234" and "+49 89 1234" both find them.
        ...(digits.length >= 2
          ? [
              sql`${workplaces.mainNumber} like ${`%${digits.replace(/^0/, '')}%`}`,
              sql`${workplaces.additionalNumbers}::text like ${`%${digits.replace(/^0/, '')}%`}`,
            ]
          : []),
      ),
    );
  }
  return and(...parts)!;
}

export async function listWorkplaces(
  db: Executor,
  companyId: string,
  q: ListQuery,
): Promise<{ rows: WorkplaceListRow[]; total: number }> {
  const where = listFilter(companyId, q);
  const [rows, totals] = await Promise.all([
    db
      .select({ workplace: workplaces, groupName: groups.name, areaName: areas.name })
      .from(workplaces)
      .innerJoin(groups, eq(groups.id, workplaces.groupId))
      .leftJoin(areas, eq(areas.id, workplaces.areaId))
      .where(where)
      .orderBy(asc(workplaces.lastName), asc(workplaces.firstName), asc(workplaces.username))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(workplaces).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** Workplaces in use on `day`: activated on or before it and not deleted before it. */
export async function billableWorkplaces(
  db: Executor,
  companyId: string,
  day: string,
): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(workplaces)
    .where(
      and(
        eq(workplaces.companyId, companyId),
        isNotNull(workplaces.activatedAt),
        sql`(${workplaces.activatedAt} at time zone 'Europe/Berlin')::date <= ${day}::date`,
        sql`(${workplaces.deletedAt} is null or (${workplaces.deletedAt} at time zone 'Europe/Berlin')::date >= ${day}::date)`,
      ),
    );
  return Number(rows[0]?.n ?? 0);
}

/** Units of a product on workplaces that sit in carts (status in_cart), leaving one out. */
export async function inCartUnits(
  db: Executor,
  companyId: string,
  productKey: string,
  isWorkplaceProduct: boolean,
  exceptWorkplaceId: string | null,
): Promise<number> {
  const except = exceptWorkplaceId ? ne(workplaces.id, exceptWorkplaceId) : undefined;
  const inCart = and(eq(workplaces.companyId, companyId), eq(workplaces.status, 'in_cart'), except);
  const rows = isWorkplaceProduct
    ? await db.select({ n: count() }).from(workplaces).where(inCart)
    : await db
        .select({ n: count() })
        .from(workplaceAddons)
        .innerJoin(workplaces, eq(workplaces.id, workplaceAddons.workplaceId))
        .where(and(inCart, eq(workplaceAddons.productKey, productKey)));
  return Number(rows[0]?.n ?? 0);
}

/**
 * Open order items of a workplace (ordered, scheduled or running): shown with its detail so the
 * admin sees what is still to happen. Read-only look into the orders module's table.
 */
export async function pendingItemsOf(db: Executor, companyId: string, workplaceId: string) {
  return db
    .select({
      id: orderItems.id,
      type: orderItems.type,
      status: orderItems.status,
      activationDate: orderItems.activationDate,
      descriptionDe: orderItems.descriptionDe,
      descriptionEn: orderItems.descriptionEn,
    })
    .from(orderItems)
    .where(
      and(
        eq(orderItems.companyId, companyId),
        eq(orderItems.subjectId, workplaceId),
        inArray(orderItems.status, ['ordered', 'scheduled', 'running']),
      ),
    )
    .orderBy(asc(orderItems.dueAt));
}
