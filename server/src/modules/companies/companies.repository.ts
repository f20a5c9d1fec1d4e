import { and, asc, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditLog, companies, companyAdmins, contracts, providers } from '../../db/schema/index.ts';

export type CompanyRow = typeof companies.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;

export async function companyExists(db: Executor, companyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, companyId));
  return rows.length > 0;
}

export async function findProvider(db: Executor) {
  const rows = await db.select().from(providers).orderBy(asc(providers.createdAt)).limit(1);
  return rows[0] ?? null;
}

export async function findCompany(db: Executor, companyId: string) {
  const rows = await db
    .select({ company: companies, contract: contracts })
    .from(companies)
    .innerJoin(contracts, eq(contracts.companyId, companies.id))
    .where(eq(companies.id, companyId));
  return rows[0] ?? null;
}

export async function customerNumberTaken(db: Executor, customerNumber: string): Promise<boolean> {
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(sql`lower(${companies.customerNumber}) = ${customerNumber.trim().toLowerCase()}`);
  return rows.length > 0;
}

export async function insertCompany(db: Executor, values: typeof companies.$inferInsert) {
  const rows = await db.insert(companies).values(values).returning();
  return rows[0]!;
}

export async function insertContract(db: Executor, values: typeof contracts.$inferInsert) {
  const rows = await db.insert(contracts).values(values).returning();
  return rows[0]!;
}

export async function updateCompany(
  db: Executor,
  companyId: string,
  values: Partial<typeof companies.$inferInsert>,
) {
  const rows = await db
    .update(companies)
    .set(values)
    .where(eq(companies.id, companyId))
    .returning();
  return rows[0] ?? null;
}

export async function updateContract(
  db: Executor,
  companyId: string,
  values: Partial<typeof contracts.$inferInsert>,
) {
  const rows = await db
    .update(contracts)
    .set(values)
    .where(eq(contracts.companyId, companyId))
    .returning();
  return rows[0] ?? null;
}

/** Companies with their contract's key figures; `onlyIds` limits to a caller's companies. */
export async function listCompanies(
  db: Executor,
  opts: { search?: string | undefined; onlyIds?: string[]; page: number; pageSize: number },
) {
  const filters: SQL[] = [];
  if (opts.search) {
    const pattern = `%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(companies.name, pattern), ilike(companies.customerNumber, pattern))!);
  }
  if (opts.onlyIds) {
    if (opts.onlyIds.length === 0) {
      return { items: [], total: 0 };
    }
    filters.push(
      sql`${companies.id} in (${sql.join(
        opts.onlyIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  const where = filters.length > 0 ? and(...filters) : undefined;
  const adminCount = db
    .select({ companyId: companyAdmins.companyId, n: count().as('n') })
    .from(companyAdmins)
    .groupBy(companyAdmins.companyId)
    .as('admin_count');
  const [items, totals] = await Promise.all([
    db
      .select({
        id: companies.id,
        name: companies.name,
        customerNumber: companies.customerNumber,
        contractStatus: contracts.status,
        workplaceQuota: contracts.workplaceQuota,
        parallelCalls: contracts.parallelCalls,
        adminCount: sql<number>`coalesce(${adminCount.n}, 0)::int`,
        createdAt: companies.createdAt,
      })
      .from(companies)
      .innerJoin(contracts, eq(contracts.companyId, companies.id))
      .leftJoin(adminCount, eq(adminCount.companyId, companies.id))
      .where(where)
      .orderBy(asc(sql`lower(${companies.name})`), asc(companies.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(companies).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
}

export async function listAudit(
  db: Executor,
  companyId: string,
  opts: {
    entity?: string | undefined;
    action?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    page: number;
    pageSize: number;
  },
) {
  const filters: SQL[] = [eq(auditLog.companyId, companyId)];
  if (opts.entity) {
    filters.push(eq(auditLog.entity, opts.entity));
  }
  if (opts.action) {
    filters.push(eq(auditLog.action, opts.action));
  }
  if (opts.from) {
    filters.push(gte(auditLog.at, opts.from));
  }
  if (opts.to) {
    filters.push(lt(auditLog.at, opts.to));
  }
  const where = and(...filters);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
}
