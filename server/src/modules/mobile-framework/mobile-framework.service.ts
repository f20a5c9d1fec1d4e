// The company's mobile framework contract (Rahmenvertrag, seed 001): operators keep its numbers and
// ranges with their tariffs; the wizard's mobile check reads them (workplaces/mobile.service.ts).
import type { Database, Executor } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { listTariffs } from '../catalog/catalog.repository.ts';
import {
  deleteFrameworkEntry,
  findFrameworkEntry,
  findFrameworkPrefix,
  frameworkPrefixes,
  insertFrameworkEntry,
  listFrameworkEntries,
  type FrameworkListRow,
} from './mobile-framework.repository.ts';
import { displayPrefix, kindOf, parseFrameworkPrefix } from './mobile-framework.rules.ts';
import type { FrameworkBody, FrameworkEntryOutput } from './mobile-framework.schema.ts';

export interface FrameworkDeps {
  database: Database;
  clock: Clock;
}

const ENTITY = 'mobile_framework_entry';

/** A field error like the request validation's: the handler words `rule` in the caller's language. */
function fieldError(field: 'prefix' | 'tariffKey', problem: string, status = 400): AppError {
  const rule = `validation.mobile_framework.${problem}`;
  return new AppError(
    status === 409 ? 'mobile_framework_prefix_taken' : 'validation_failed',
    status,
    {
      ...(status === 409 ? { messageKey: rule } : {}),
      params: { count: 1 },
      details: [{ field, rule, location: 'body' }],
    },
  );
}

/** SQLSTATE 23503: the tariff went away between the check and the insert. */
function foreignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23503' || e?.cause?.code === '23503';
}

function present(row: FrameworkListRow): FrameworkEntryOutput {
  const kind = kindOf(row.prefix);
  return {
    id: row.id,
    prefix: row.prefix,
    kind,
    display: displayPrefix(row.prefix, kind),
    tariffKey: row.tariffKey,
    tariffName: row.tariffName,
    tariffSegment: row.tariffSegment,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listFramework(deps: FrameworkDeps, companyId: string) {
  const rows = await listFrameworkEntries(deps.database.db, companyId);
  return { items: rows.map(present) };
}

/** The entries the wizard's mobile check compares a number with. */
export function frameworkOf(db: Executor, companyId: string) {
  return frameworkPrefixes(db, companyId);
}

/** Adds a number or range; the prefix is read as people write it, the tariff must exist. */
export async function addFrameworkEntry(
  deps: FrameworkDeps,
  actor: AuditActor,
  companyId: string,
  body: FrameworkBody,
  requestId: string | null,
): Promise<FrameworkEntryOutput> {
  const parsed = parseFrameworkPrefix(body.prefix);
  if (!parsed.ok) {
    throw fieldError('prefix', `prefix_${parsed.problem}`);
  }
  const now = deps.clock.now();
  try {
    return await deps.database.transaction(async (tx) => {
      const tariffs = await listTariffs(tx);
      if (!tariffs.some((t) => t.key === body.tariffKey)) {
        throw fieldError('tariffKey', 'tariff_unknown');
      }
      if (await findFrameworkPrefix(tx, companyId, parsed.prefix)) {
        throw fieldError('prefix', 'prefix_taken', 409);
      }
      const row = await insertFrameworkEntry(tx, {
        companyId,
        prefix: parsed.prefix,
        tariffKey: body.tariffKey,
        createdAt: now,
      });
      await recordAudit(tx, {
        actor,
        companyId,
        entity: ENTITY,
        entityId: row.id,
        action: 'created',
        after: { prefix: row.prefix, tariffKey: row.tariffKey },
        at: now,
        requestId,
      });
      return present((await findFrameworkEntry(tx, companyId, row.id))!);
    });
  } catch (err) {
    // Two operators adding the same prefix at once: the unique index decides.
    if (uniqueViolation(err)) {
      throw fieldError('prefix', 'prefix_taken', 409);
    }
    if (foreignKeyViolation(err)) {
      throw fieldError('tariffKey', 'tariff_unknown');
    }
    throw err;
  }
}

export async function removeFrameworkEntry(
  deps: FrameworkDeps,
  actor: AuditActor,
  companyId: string,
  id: string,
  requestId: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const row = await findFrameworkEntry(tx, companyId, id);
    if (!row) {
      throw notFound();
    }
    await deleteFrameworkEntry(tx, companyId, id);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: ENTITY,
      entityId: id,
      action: 'removed',
      before: { prefix: row.prefix, tariffKey: row.tariffKey },
      at: now,
      requestId,
    });
  });
}
