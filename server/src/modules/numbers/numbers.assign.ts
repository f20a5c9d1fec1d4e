// The assignment service other modules use: a number of the company, exclusively for a target.
import { locate } from '../../../../common/src/numbers/block.ts';
import { parseGermanNumber } from '../../../../common/src/numbers/parse.ts';
import type { Executor } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import type { AssignmentState } from '../../db/schema/index.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { blockFor, inventory } from './inventory-cache.ts';
import { decadeShape, displayNumber, shapeOf, valueOf } from './numbers.present.ts';
import { insertAssignmentAudited, releaseAssignmentAudited } from './assignments.repository.ts';
import type { AssignmentRow } from './numbers.repository.ts';
import { fieldError, type NumberDeps } from './numbers.service.ts';

export interface AssignInput {
  number: string;
  target: { type: string; id: string; label?: string };
  state?: AssignmentState;
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
  const parsed = parseGermanNumber(input.number);
  if (!parsed.ok) {
    throw fieldError(`number_${parsed.problem}`, 'number');
  }
  // Outside a transaction the cached inventory is used optimistically: the insert itself checks
  // that the inventory version did not move, and a miss retries with a fresh read.
  for (const trustCache of tx ? [false] : [true, false, false]) {
    const inv = await inventory(deps.database, companyId, tx ?? deps.database.db, { trustCache });
    const block = blockFor(inv, parsed.national);
    const spot = block
      ? locate(shapeOf(block), block.decades.map(decadeShape), parsed.national)
      : null;
    if (!block || !spot) {
      if (trustCache) {
        continue;
      }
      throw fieldError('number_not_in_inventory', 'number');
    }
    const now = deps.clock.now();
    const state = input.state ?? 'assigned';
    try {
      const row = await insertAssignmentAudited(
        tx ?? deps.database.db,
        {
          companyId,
          blockId: block.id,
          e164: parsed.e164,
          value: valueOf(parsed.national),
          digits: parsed.digits.length,
          state,
          targetType: input.target.type,
          targetId: input.target.id,
          targetLabel: input.target.label ?? '',
          createdBy: actor.userId,
          createdAt: now,
        },
        {
          actorId: actor.userId,
          actorUsername: actor.username,
          actorRole: actor.role,
          action: state,
          changes: { after: { target: input.target } },
          at: now,
        },
        inv.version,
      );
      if (row) {
        return row;
      }
    } catch (err) {
      if (uniqueViolation(err)) {
        throw new AppError('number_taken', 409, {
          params: { number: displayNumber(block, parsed.national) },
          details: [{ field: 'number', rule: 'number_taken' }],
        });
      }
      throw err;
    }
  }
  throw new AppError('inventory_changed', 409);
}

export async function releaseNumber(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  assignmentId: string,
  tx?: Executor,
): Promise<void> {
  const row = await releaseAssignmentAudited(tx ?? deps.database.db, companyId, assignmentId, {
    actorId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    at: deps.clock.now(),
  });
  if (!row) {
    throw notFound();
  }
}
