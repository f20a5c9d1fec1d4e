import {
  decadeLengths,
  type BlockShape,
  type DecadeShape,
} from '../../../../common/src/numbers/block.ts';
import { formatNational } from '../../../../common/src/numbers/parse.ts';
import type { BlockWithDecades } from './numbers.repository.ts';

export type Availability = 'current' | 'future';

/** The calendar day in Germany; availability dates are German days. */
export function berlinDay(now: Date): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

export function availabilityOf(
  block: { availableFrom: string | null },
  today: string,
): Availability {
  return block.availableFrom && block.availableFrom > today ? 'future' : 'current';
}

export const shapeOf = (b: BlockWithDecades): BlockShape => ({
  prefix: b.prefix,
  extensionLength: b.extensionLength,
});
export const decadeShape = (d: { digit: number; extra: number }): DecadeShape => ({
  digit: d.digit,
  extra: d.extra,
});

/** E.164 digits of a national number as a bigint-sized number (fits below 2^53). */
export const valueOf = (national: string) => Number(`49${national}`);

/** "089 1234-60" for a number of a block. */
export function displayNumber(block: BlockWithDecades, national: string): string {
  const ext = national.length - block.prefix.length;
  return formatNational(`+49${national}`, ext, block.areaCodeLength);
}

/** "089 1234-00 … 99" for a block, "089 12345678" for a single number. */
export function displayBlock(block: BlockWithDecades): string {
  if (block.kind === 'single') {
    return formatNational(`+49${block.prefix}`, 0, block.areaCodeLength);
  }
  const first = displayNumber(block, block.prefix + '0'.repeat(block.extensionLength));
  return `${first} … ${'9'.repeat(block.extensionLength)}`;
}

/** A block as the explorer shows it: decades with their lengths and how many are taken. */
export function presentBlock(block: BlockWithDecades, assignedTotal: number, today: string) {
  const decades = block.decades.map((d) => ({
    digit: d.digit,
    extra: d.extra,
    lengths: decadeLengths(shapeOf(block), d),
  }));
  const numbersTotal =
    block.kind === 'single'
      ? 1
      : decades.reduce((sum, d) => sum + d.lengths.reduce((n, l) => n + l.count, 0), 0);
  return {
    id: block.id,
    kind: block.kind,
    groupId: block.groupId,
    display: displayBlock(block),
    e164Prefix: `+49${block.prefix}`,
    extensionLength: block.extensionLength,
    availableFrom: block.availableFrom,
    availability: availabilityOf(block, today),
    source: block.source,
    decades,
    numbersTotal,
    assignedTotal,
  };
}
