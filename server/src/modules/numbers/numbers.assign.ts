// The assignment service other modules use: a number of the company, exclusively for a target.
import { locate } from '../../../../common/src/numbers/block.ts';
import { parseGermanNumber, type ParsedNumber } from '../../../../common/src/numbers/parse.ts';
import type { Executor } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import type { AssignmentState } from '../../db/schema/index.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { blockFor, inventory, type Inventory } from './inventory-cache.ts';
import { decadeShape, displayNumber, shapeOf, valueOf } from './numbers.present.ts';
import {
  insertAssignmentAudited,
  insertAssignmentsAudited,
  releaseAssignmentAudited,
  type NewAssignment,
} from './assignments.repository.ts';
import type { AssignmentRow } from './numbers.repository.ts';
import { fieldError, type NumberDeps } from './numbers.service.ts';

export interface AssignInput {
  number: string;
  target: { type: string; id: string; label?: string };
  state?: AssignmentState;
}

const parsedNumbers = new Map<string, ParsedNumber>();

/** parseGermanNumber (common/) remembered: a list checks and assigns each number several times. */
export function parsedNumber(value: string): ParsedNumber {
  let parsed = parsedNumbers.get(value);
  if (!parsed) {
    if (parsedNumbers.size >= 100_000) {
      parsedNumbers.clear();
    }
    parsed = parseGermanNumber(value);
    parsedNumbers.set(value, parsed);
  }
  return parsed;
}

/** Where a parsed number sits in the company's inventory: its block and extension, or null. */
export function placeOf(inv: Inventory, national: string) {
  const block = blockFor(inv, national);
  const spot = block ? locate(shapeOf(block), block.decades.map(decadeShape), national) : null;
  return block && spot ? { block, spot } : null;
}

const auditActor = (actor: AuditActor, at: Date) => ({
  actorId: actor.userId,
  actorUsername: actor.username,
  actorRole: actor.role,
  at,
});

/** The assignment row of a number placed in the inventory, with its own audit entry or none. */
function newAssignment(
  companyId: string,
  actor: AuditActor,
  input: AssignInput,
  place: { parsed: ParsedNumber & { ok: true }; blockId: string },
  at: Date,
  audited: boolean,
): NewAssignment {
  const state = input.state ?? 'assigned';
  const { parsed } = place;
  return {
    values: {
      companyId,
      blockId: place.blockId,
      e164: parsed.e164,
      value: valueOf(parsed.national),
      digits: parsed.digits.length,
      state,
      targetType: input.target.type,
      targetId: input.target.id,
      targetLabel: input.target.label ?? '',
      createdBy: actor.userId,
      createdAt: at,
    },
    audit: audited ? { action: state, changes: { after: { target: input.target } } } : null,
  };
}

/**
 * Reserves or assigns a number of the company exclusively to a target (workplace, trunk …). The
 * database allows one active assignment per number: a concurrent second one gets number_taken.
 */
export async function assignNumber(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  input: AssignInput,
  tx?: Executor,
): Promise<AssignmentRow> {
  const parsed = parsedNumber(input.number);
  if (!parsed.ok) {
    throw fieldError(`number_${parsed.problem}`, 'number');
  }
  // Outside a transaction the cached inventory is used optimistically: the insert itself checks
  // that the inventory version did not move, and a miss retries with a fresh read.
  for (const trustCache of tx ? [false] : [true, false, false]) {
    const inv = await inventory(deps.database, companyId, tx ?? deps.database.db, { trustCache });
    const place = placeOf(inv, parsed.national);
    if (!place) {
      if (trustCache) {
        continue;
      }
      throw fieldError('number_not_in_inventory', 'number');
    }
    const now = deps.clock.now();
    const { values, audit } = newAssignment(
      companyId,
      actor,
      input,
      { parsed, blockId: place.block.id },
      now,
      true,
    );
    try {
      const row = await insertAssignmentAudited(
        tx ?? deps.database.db,
        values,
        { ...auditActor(actor, now), ...audit! },
        inv.version,
      );
      if (row) {
        return row;
      }
    } catch (err) {
      if (uniqueViolation(err)) {
        throw numberTaken(displayNumber(place.block, parsed.national));
      }
      throw err;
    }
  }
  throw new AppError('inventory_changed', 409);
}

const numberTaken = (number: string) =>
  new AppError('number_taken', 409, {
    params: { number },
    details: [{ field: 'number', rule: 'number_taken' }],
  });

/**
 * assignNumber for many numbers of one company at once, inside the caller's transaction: the
 * inventory read once, one statement per few thousand numbers. `audited: false` leaves the
 * numbers' own audit entries out for a caller whose entry names them (a workplace's "created").
 * All or nothing: number_not_in_inventory, number_taken or inventory_changed for any number.
 */
export async function assignNumbers(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  inputs: readonly AssignInput[],
  tx: Executor,
  options: { audited: boolean },
): Promise<void> {
  if (inputs.length === 0) {
    return;
  }
  const inv = await inventory(deps.database, companyId, tx);
  const now = deps.clock.now();
  const placed = new Map<string, () => string>();
  const rows = inputs.map((input) => {
    const parsed = parsedNumber(input.number);
    const place = parsed.ok ? placeOf(inv, parsed.national) : null;
    if (!parsed.ok || !place) {
      throw fieldError(
        parsed.ok ? 'number_not_in_inventory' : `number_${parsed.problem}`,
        'number',
      );
    }
    placed.set(parsed.e164, () => displayNumber(place.block, parsed.national));
    const at = { parsed, blockId: place.block.id };
    return newAssignment(companyId, actor, input, at, now, options.audited);
  });
  try {
    const { inserted } = await insertAssignmentsAudited(
      tx,
      companyId,
      rows,
      auditActor(actor, now),
      inv.version,
      { returning: false },
    );
    if (inserted < rows.length) {
      throw new AppError('inventory_changed', 409);
    }
  } catch (err) {
    if (uniqueViolation(err)) {
      // PostgreSQL names the number: "Key (e164)=(+492281234201) already exists."
      const detail = /\(e164\)=\(([^)]+)\)/.exec(errorDetail(err))?.[1];
      const display = placed.get(detail ?? '') ?? placed.values().next().value;
      throw numberTaken(display?.() ?? '');
    }
    throw err;
  }
}

function errorDetail(err: unknown): string {
  const e = err as { detail?: string; cause?: { detail?: string } } | null;
  return e?.detail ?? e?.cause?.detail ?? '';
}

export async function releaseNumber(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  assignmentId: string,
  tx?: Executor,
): Promise<void> {
  const row = await releaseAssignmentAudited(
    tx ?? deps.database.db,
    companyId,
    assignmentId,
    auditActor(actor, deps.clock.now()),
  );
  if (!row) {
    throw notFound();
  }
}
