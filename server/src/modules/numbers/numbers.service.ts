import { sql } from 'drizzle-orm';
import {
  lengthenProblem,
  maxExtensionLength,
  NATIONAL_MAX_DIGITS,
  numberAt,
  shortenProblem,
  visibleLengths,
  type LengthFilter,
} from '../../../../common/src/numbers/block.ts';
import { areaCodeOf, parseGermanNumber } from '../../../../common/src/numbers/parse.ts';
import type { Config } from '../../config.ts';
import type { Database, Executor } from '../../db/client.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  anyActive,
  assignedCounts,
  countAssignedInRange,
  deleteBlock,
  findBlock,
  insertBlock,
  lockBlock,
  overlappingBlocks,
  purgeReleased,
  setBlockGroup,
  setDecadeExtra,
  type BlockWithDecades,
} from './numbers.repository.ts';
import { defaultGroup, findGroup } from '../org/org.repository.ts';
import { bumpInventory, inventory } from './inventory-cache.ts';
import {
  availabilityOf,
  berlinDay,
  presentBlock,
  shapeOf,
  valueOf,
  type Availability,
} from './numbers.present.ts';

export interface NumberDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

export const fieldError = (
  code: string,
  field: string,
  params: Record<string, unknown> = {},
  status = 400,
) => new AppError(code, status, { params, details: [{ field, rule: code }] });

export interface NewBlockInput {
  kind: 'block' | 'single';
  /** For a block: its base ("089 1234"); for a single number: the number. */
  number: string;
  extensionLength?: number | undefined;
  decades?: number[] | undefined;
  availableFrom?: string | null | undefined;
  source?: 'new' | 'ported' | undefined;
  groupId?: string | null | undefined;
}

/** Validates a new block or single number; returns what to insert or throws naming the field. */
export function checkNewBlock(input: NewBlockInput) {
  const parsed = parseGermanNumber(input.number, 'fixed_line');
  // A block base is shorter than any valid number; judge it with a dummy extension.
  const probe =
    input.kind === 'block' && !parsed.ok
      ? parseGermanNumber(`${input.number}00`, 'fixed_line')
      : parsed;
  if (!probe.ok) {
    throw fieldError(`number_${probe.problem}`, 'number');
  }
  const national =
    input.kind === 'block' && !parsed.ok ? probe.national.slice(0, -2) : probe.national;
  const area = areaCodeOf(probe.national);
  if (!area) {
    throw fieldError('number_invalid', 'number');
  }
  const extensionLength = input.kind === 'single' ? 0 : (input.extensionLength ?? 2);
  if (input.kind === 'block' && (extensionLength < 1 || extensionLength > 6)) {
    throw fieldError('extension_length_invalid', 'extensionLength');
  }
  if (national.length + extensionLength > NATIONAL_MAX_DIGITS) {
    throw fieldError('number_too_long_total', 'extensionLength', { max: NATIONAL_MAX_DIGITS });
  }
  const decades =
    input.kind === 'single'
      ? []
      : [...new Set(input.decades ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])].sort();
  if (decades.some((d) => !Number.isInteger(d) || d < 0 || d > 9)) {
    throw fieldError('decades_invalid', 'decades');
  }
  if (input.kind === 'block' && decades.length === 0) {
    throw fieldError('decades_invalid', 'decades');
  }
  return { prefix: national, areaCodeLength: area.length, extensionLength, decades };
}

/** Hands a block or single number to a company (operators). Numbers never overlap. */
export async function createBlock(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  input: NewBlockInput,
  tx?: Executor,
) {
  const shape = checkNewBlock(input);
  const now = deps.clock.now();
  const run = async (db: Executor) => {
    const group = input.groupId
      ? await findGroup(db, companyId, input.groupId)
      : await defaultGroup(db, companyId);
    if (!group) {
      throw fieldError('group_unknown', 'groupId');
    }
    const clash = await overlappingBlocks(db, shape.prefix);
    if (clash.length > 0) {
      throw fieldError('number_overlap', 'number', {}, 409);
    }
    const block = await insertBlock(
      db,
      {
        companyId,
        groupId: group.id,
        kind: input.kind,
        prefix: shape.prefix,
        areaCodeLength: shape.areaCodeLength,
        extensionLength: shape.extensionLength,
        availableFrom: input.availableFrom ?? null,
        source: input.source ?? 'new',
        createdBy: actor.userId,
        createdAt: now,
      },
      shape.decades,
    );
    await bumpInventory(db, companyId);
    await recordAudit(db, {
      actor,
      companyId,
      entity: 'number_block',
      entityId: block.id,
      action: 'created',
      after: {
        kind: block.kind,
        number: presentBlock(block, 0, berlinDay(now)).display,
        decades: shape.decades,
        availableFrom: block.availableFrom,
        source: block.source,
      },
      at: now,
    });
    return presentBlock(block, 0, berlinDay(now));
  };
  // Serialize block creation: the overlap check must see concurrent inserts.
  return tx
    ? run(tx)
    : deps.database.transaction(async (t) => {
        await lockInventory(t);
        return run(t);
      });
}

/** Serializes changes to the number inventory across processes (overlap checks). */
export async function lockInventory(db: Executor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7244019302)`);
}

/** Removes a block; refused while any of its numbers is assigned. */
export async function removeBlock(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  blockId: string,
) {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const block = await findBlock(tx, companyId, blockId);
    if (!block) {
      throw notFound();
    }
    await bumpInventory(tx, companyId);
    await lockBlock(tx, blockId);
    if (await anyActive(tx, blockId)) {
      throw new AppError('block_in_use', 409);
    }
    await purgeReleased(tx, blockId);
    await deleteBlock(tx, companyId, blockId);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'number_block',
      entityId: blockId,
      action: 'deleted',
      before: { prefix: block.prefix, kind: block.kind },
      at: now,
    });
  });
}

/** Lengthens (by > 0) or shortens (by < 0) a decade — Rufnummernverlängerung. */
export async function changeDecadeLength(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  blockId: string,
  digit: number,
  by: number,
) {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    // Bump first: it waits for assignments in flight (they hold a share lock on the version).
    await bumpInventory(tx, companyId);
    await lockBlock(tx, blockId);
    const block = await findBlock(tx, companyId, blockId);
    const decade = block?.decades.find((d) => d.digit === digit);
    if (!block || !decade) {
      throw notFound();
    }
    if (by > 0) {
      const problem = lengthenProblem(shapeOf(block), decade, by);
      if (problem === 'too_long') {
        throw fieldError('lengthen_too_long', 'by', {
          max: NATIONAL_MAX_DIGITS,
          maxWithCountry: NATIONAL_MAX_DIGITS + 2,
        });
      }
      if (problem) {
        throw fieldError('lengthen_invalid', 'by');
      }
    } else {
      // Count the assigned numbers of every length the shortening would remove.
      const max = maxExtensionLength(shapeOf(block), decade);
      let assigned = 0;
      for (let ext = max + by + 1; ext <= max && by < 0; ext++) {
        const first = numberAt(shapeOf(block), decade, ext, 0);
        const last = numberAt(shapeOf(block), decade, ext, 10 ** (ext - 1) - 1);
        assigned += await countAssignedInRange(
          tx,
          blockId,
          first.length + 2,
          valueOf(first),
          valueOf(last),
        );
      }
      const problem = shortenProblem(decade, -by, assigned);
      if (problem) {
        throw fieldError(`shorten_${problem}`, 'by', { assigned });
      }
    }
    await setDecadeExtra(tx, blockId, digit, decade.extra + by);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'number_block',
      entityId: blockId,
      action: by > 0 ? 'decade_lengthened' : 'decade_shortened',
      before: { decade: digit, extra: decade.extra },
      after: { decade: digit, extra: decade.extra + by },
      at: now,
    });
    const updated = await findBlock(tx, companyId, blockId);
    const counts = await assignedCounts(tx, companyId);
    return presentBlock(updated!, sumFor(counts, blockId), berlinDay(now));
  });
}

const sumFor = (counts: { blockId: string; n: number }[], blockId: string) =>
  counts.filter((c) => c.blockId === blockId).reduce((a, c) => a + c.n, 0);

export interface BlockFilter {
  availability?: Availability[] | undefined;
  groupId?: string | undefined;
}

/** The company's blocks and single numbers with decades, lengths and counts. */
export async function blockOverview(deps: NumberDeps, companyId: string, filter: BlockFilter) {
  const today = berlinDay(deps.clock.now());
  const [inv, counts] = await Promise.all([
    inventory(deps.database, companyId),
    assignedCounts(deps.database.db, companyId),
  ]);
  return inv.blocks
    .filter((b) => matchesFilter(b, filter, today))
    .map((b) => presentBlock(b, sumFor(counts, b.id), today));
}

export function matchesFilter(b: BlockWithDecades, filter: BlockFilter, today: string): boolean {
  if (filter.availability && !filter.availability.includes(availabilityOf(b, today))) {
    return false;
  }
  return filter.groupId === undefined || b.groupId === filter.groupId;
}

export { visibleLengths, type LengthFilter };

/** Moves a block or single number to another group/location of the company. */
export async function moveBlockToGroup(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  blockId: string,
  groupId: string,
) {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    await bumpInventory(tx, companyId);
    const block = await findBlock(tx, companyId, blockId);
    if (!block) {
      throw notFound();
    }
    const group = await findGroup(tx, companyId, groupId);
    if (!group) {
      throw fieldError('group_unknown', 'groupId');
    }
    await setBlockGroup(tx, blockId, groupId);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'number_block',
      entityId: blockId,
      action: 'group_changed',
      before: { groupId: block.groupId },
      after: { groupId },
      at: now,
    });
    const counts = await assignedCounts(tx, companyId);
    return presentBlock({ ...block, groupId }, sumFor(counts, blockId), berlinDay(now));
  });
}
