// The number explorer's queries (seed 001): free numbers of a decade and length, paged, and the
// search over all blocks. Free numbers are computed from ranges minus assignment rows.
import {
  numberAt,
  visibleLengths,
  type LengthFilter,
} from '../../../../common/src/numbers/block.ts';
import {
  matchesNumber,
  matchingSuffixes,
  parseNumberSearch,
} from '../../../../common/src/numbers/search.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inventory } from './inventory-cache.ts';
import {
  activeAssignments,
  assignmentsInRange,
  type AssignmentRow,
  type BlockWithDecades,
} from './numbers.repository.ts';
import { berlinDay, displayNumber, shapeOf, valueOf } from './numbers.present.ts';
import { matchesFilter, type BlockFilter, type NumberDeps } from './numbers.service.ts';

export type StateFilter = 'free' | 'taken' | 'all';

export interface NumberItem {
  e164: string;
  display: string;
  blockId: string;
  decade: number | null;
  extensionLength: number;
  displayLength: number;
  state: 'free' | 'reserved' | 'assigned';
  assignedTo: { type: string; id: string; label: string } | null;
  /** The assignment to release, when the number is taken. */
  assignmentId: string | null;
}

function item(
  block: BlockWithDecades,
  national: string,
  decade: number | null,
  taken?: AssignmentRow,
): NumberItem {
  return {
    e164: `+49${national}`,
    display: displayNumber(block, national),
    blockId: block.id,
    decade,
    extensionLength: national.length - block.prefix.length,
    displayLength: national.length + 2,
    state: taken ? taken.state : 'free',
    assignedTo: taken
      ? { type: taken.targetType, id: taken.targetId, label: taken.targetLabel }
      : null,
    assignmentId: taken?.id ?? null,
  };
}

// Assignment rows fetched per round: a page's worth first, growing while rows are dense.
const FIRST_WINDOW = 64;
const MAX_WINDOW = 4096;

/** Free (or all, or taken) numbers of one decade at the visible lengths, from a cursor. */
export async function decadeNumbers(
  deps: NumberDeps,
  companyId: string,
  blockId: string,
  digit: number,
  opts: { length: LengthFilter; state: StateFilter; cursor?: string | undefined; limit: number },
): Promise<{ items: NumberItem[]; nextCursor: string | null }> {
  const block = (await inventory(deps.database, companyId)).byId.get(blockId);
  const decade = block?.decades.find((d) => d.digit === digit);
  if (!block || !decade) {
    throw notFound();
  }
  const [startExt, startIdx] = parseCursor(opts.cursor);
  const items: NumberItem[] = [];
  for (const length of visibleLengths(shapeOf(block), decade, opts.length)) {
    const ext = length.extensionLength;
    if (ext < startExt) {
      continue;
    }
    let idx = ext === startExt ? startIdx : 0;
    const base = valueOf(numberAt(shapeOf(block), decade, ext, 0));
    const digits = block.prefix.length + ext + 2;
    let window = FIRST_WINDOW;
    while (idx < length.count && items.length < opts.limit) {
      const taken = await assignmentsInRange(
        deps.database.db,
        block.id,
        digits,
        base + idx,
        base + length.count - 1,
        opts.state === 'taken' ? opts.limit - items.length : window,
      );
      if (opts.state === 'taken') {
        for (const row of taken) {
          items.push(item(block, row.e164.slice(3), digit, row));
        }
        idx = taken.length > 0 ? Number(taken.at(-1)!.value) - base + 1 : length.count;
        if (taken.length === 0) {
          break;
        }
        continue;
      }
      const byValue = new Map(taken.map((r) => [Number(r.value), r]));
      // Within the fetched window every gap is free; beyond it, refetch.
      const windowEnd =
        taken.length === window ? Number(taken.at(-1)!.value) - base : length.count - 1;
      window = Math.min(MAX_WINDOW, window * 4);
      for (; idx <= windowEnd && items.length < opts.limit; idx++) {
        const row = byValue.get(base + idx);
        if (row && opts.state === 'free') {
          continue;
        }
        items.push(item(block, numberAt(shapeOf(block), decade, ext, idx), digit, row));
      }
    }
    if (items.length >= opts.limit) {
      return { items, nextCursor: idx < length.count ? `${ext}:${idx}` : `${ext + 1}:0` };
    }
  }
  return { items, nextCursor: null };
}

function parseCursor(cursor: string | undefined): [number, number] {
  if (!cursor) {
    return [0, 0];
  }
  const m = /^(\d{1,2})[:.](\d{1,12})$/.exec(cursor);
  if (!m) {
    throw new AppError('cursor_invalid', 400, { details: [{ field: 'cursor', rule: 'format' }] });
  }
  return [Number(m[1]), Number(m[2])];
}

/**
 * "0xy…", "+49xy…" and "*digits" over all blocks of the company (seed 001), in block order.
 * The cursor names block, decade, length and index: "b.d.e.i".
 */
export async function searchNumbers(
  deps: NumberDeps,
  companyId: string,
  opts: BlockFilter & {
    q: string;
    length: LengthFilter;
    state: StateFilter;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: NumberItem[]; nextCursor: string | null }> {
  const search = parseNumberSearch(opts.q);
  if (!search) {
    throw new AppError('search_invalid', 400, { details: [{ field: 'q', rule: 'format' }] });
  }
  const today = berlinDay(deps.clock.now());
  const blocks = (await inventory(deps.database, companyId)).blocks.filter((b) =>
    matchesFilter(b, opts, today),
  );
  const start = (opts.cursor ?? '0.0.0.0').split('.').map(Number);
  if (start.length !== 4 || start.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new AppError('cursor_invalid', 400, { details: [{ field: 'cursor', rule: 'format' }] });
  }
  const [b0 = 0, d0 = 0, e0 = 0, i0 = 0] = start;
  const hits: {
    block: BlockWithDecades;
    national: string;
    decade: number | null;
    pos: number[];
  }[] = [];
  // Collect a few more than a page so that taken numbers can be dropped for state=free.
  const want = opts.state === 'free' ? opts.limit * 2 : opts.limit;
  outer: for (let bi = b0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    if (block.kind === 'single') {
      if (bi > b0 || (d0 === 0 && e0 === 0 && i0 === 0)) {
        if (matchesNumber(`0${block.prefix}`, search)) {
          hits.push({ block, national: block.prefix, decade: null, pos: [bi, 0, 0, 1] });
        }
      }
      continue;
    }
    for (const decade of block.decades) {
      if (bi === b0 && decade.digit < d0) {
        continue;
      }
      for (const length of visibleLengths(shapeOf(block), decade, opts.length)) {
        const ext = length.extensionLength;
        if (bi === b0 && decade.digit === d0 && ext < e0) {
          continue;
        }
        const from = bi === b0 && decade.digit === d0 && ext === e0 ? i0 : 0;
        const head = `0${block.prefix}${decade.digit}`;
        for (const idx of matchingSuffixes(head, ext - 1, search, from, want - hits.length)) {
          hits.push({
            block,
            national: numberAt(shapeOf(block), decade, ext, idx),
            decade: decade.digit,
            pos: [bi, decade.digit, ext, idx + 1],
          });
        }
        if (hits.length >= want) {
          break outer;
        }
      }
    }
  }
  const taken = new Map(
    (
      await activeAssignments(
        deps.database.db,
        hits.map((h) => `+49${h.national}`),
      )
    ).map((r) => [r.e164, r]),
  );
  const items: NumberItem[] = [];
  let last: number[] | null = null;
  for (const hit of hits) {
    const row = taken.get(`+49${hit.national}`);
    if ((opts.state === 'free' && row) || (opts.state === 'taken' && !row)) {
      last = hit.pos;
      continue;
    }
    if (items.length === opts.limit) {
      break;
    }
    items.push(item(hit.block, hit.national, hit.decade, row));
    last = hit.pos;
  }
  const exhausted = hits.length < want && items.length < opts.limit;
  return { items, nextCursor: exhausted || !last ? null : last.join('.') };
}
