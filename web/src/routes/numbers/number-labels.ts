import type { TFunction } from 'i18next';
import {
  type BlockShape,
  type DecadeLength,
  visibleLengths,
} from '../../../../common/src/numbers/block.ts';
import type { BlockDecade, LengthChoice, NumberBlock, PhoneNumber } from '../../api/numbers.ts';
import { formatDate } from '../../format.ts';

/** The block as the shared rules see it: national prefix and contractual extension length. */
export function shapeOfBlock(block: NumberBlock): BlockShape {
  return { prefix: block.e164Prefix.replace(/^\+49/, ''), extensionLength: block.extensionLength };
}

/** "0x" for a block with two-digit extensions, "0xx" with three, "0" with one. */
export function decadeLabel(block: NumberBlock, digit: number): string {
  return `${digit}${'x'.repeat(Math.max(0, block.extensionLength - 1))}`;
}

/** The lengths of a decade that the length filter shows (Standardlänge, Jede or one length). */
export function lengthsOf(
  block: NumberBlock,
  decade: BlockDecade,
  length: LengthChoice,
): DecadeLength[] {
  return visibleLengths(shapeOfBlock(block), decade, length);
}

/** Every display length any decade of these blocks offers, ascending (for the length select). */
export function allDisplayLengths(blocks: readonly NumberBlock[]): number[] {
  const lengths = new Set<number>();
  for (const block of blocks) {
    for (const decade of block.decades) {
      for (const length of decade.lengths) {
        lengths.add(length.displayLength);
      }
    }
  }
  return [...lengths].sort((a, b) => a - b);
}

/** "aktuell verfügbar" or "zukünftig verfügbar ab 15.01.2026". */
export function availabilityText(t: TFunction, block: NumberBlock): string {
  return block.availability === 'future' && block.availableFrom !== null
    ? t('numbers.availability.futureFrom', { date: formatDate(block.availableFrom) })
    : t(`numbers.availability.${block.availability}`);
}

/** "frei", "vergeben an Empfang", "reserviert für Empfang". */
export function stateText(t: TFunction, number: PhoneNumber): string {
  if (number.state === 'free') {
    return t('numbers.state.free');
  }
  const label = number.assignedTo?.label ?? '';
  return label === ''
    ? t(`numbers.state.${number.state}`)
    : t(`numbers.state.${number.state}To`, { label });
}
