// Number blocks (Rufnummernblöcke), decades and lengths — seed 001 "Rufnummer zuweisen",
// "Rufnummernlänge" and the Hinweis on the 12-digit limit; DESIGN.md "Numbers: how a block is
// modelled". All lengths here are extension lengths unless named otherwise.

/** Seed 001: national numbers (area code included, trunk prefix 0 excluded) have ≤ 12 digits. */
export const NATIONAL_MAX_DIGITS = 12;
/** Seed 001: counted with the country code 49 the limit reads 14 ("14-stellig"). */
export const COUNTRY_CODE_DIGITS = 2;
/** Seed 000: numbers uploaded to Zoom may have up to 13 digits. */
export const ZOOM_MAX_DIGITS = 13;

export interface BlockShape {
  /** National prefix: area code + subscriber base, e.g. "891234" for 089 1234. */
  prefix: string;
  /** Contractual extension length, e.g. 2 for extensions 00–99; 0 for a single number. */
  extensionLength: number;
}

export interface DecadeShape {
  digit: number;
  /** Digits added by lengthening (Rufnummernverlängerung); 0 when not lengthened. */
  extra: number;
}

export type LengthKind = 'short' | 'standard' | 'lengthened';

export interface DecadeLength {
  /** Extension length of the numbers of this length. */
  extensionLength: number;
  /** National digits (area code + number + extension). */
  nationalLength: number;
  /** As the UI counts it, with 49: "14-stellig". */
  displayLength: number;
  count: number;
  kind: LengthKind;
}

/** The national length of numbers with the given extension length in this block. */
export const nationalLength = (block: BlockShape, extensionLength: number) =>
  block.prefix.length + extensionLength;

/** The longest extension length a decade offers: contractual plus its lengthening. */
export const maxExtensionLength = (block: BlockShape, decade: DecadeShape) =>
  block.extensionLength + decade.extra;

/**
 * Every length of a decade, shortest first. Shorter numbers (e.g. the central number -0) stay
 * assignable (seed 001, Tipp); lengthening adds longer ones (620 → 6200 … 6209).
 */
export function decadeLengths(block: BlockShape, decade: DecadeShape): DecadeLength[] {
  const lengths: DecadeLength[] = [];
  for (let ext = 1; ext <= maxExtensionLength(block, decade); ext++) {
    const national = nationalLength(block, ext);
    lengths.push({
      extensionLength: ext,
      nationalLength: national,
      displayLength: national + COUNTRY_CODE_DIGITS,
      count: 10 ** (ext - 1),
      kind:
        ext < block.extensionLength
          ? 'short'
          : ext === block.extensionLength
            ? 'standard'
            : 'lengthened',
    });
  }
  return lengths;
}

/**
 * "Standardlänge": the contractual length, for lengthened decades the longest (seed 001,
 * "Rufnummer auswählen").
 */
export const standardExtensionLength = (block: BlockShape, decade: DecadeShape) =>
  maxExtensionLength(block, decade);

/** The length filter of the number explorer: standard, "Jede" (expert view) or a display length. */
export type LengthFilter = 'standard' | 'any' | number;

export function visibleLengths(
  block: BlockShape,
  decade: DecadeShape,
  filter: LengthFilter,
): DecadeLength[] {
  const all = decadeLengths(block, decade);
  if (filter === 'any') {
    return all;
  }
  if (filter === 'standard') {
    const std = standardExtensionLength(block, decade);
    return all.filter((l) => l.extensionLength === std);
  }
  return all.filter((l) => l.displayLength === filter);
}

export type LengthenProblem = 'too_long' | 'not_positive';

/** Why a decade cannot be lengthened by `by` digits (12 national / 14 with 49), or null. */
export function lengthenProblem(
  block: BlockShape,
  decade: DecadeShape,
  by: number,
  maxNational = NATIONAL_MAX_DIGITS,
): LengthenProblem | null {
  if (!Number.isInteger(by) || by < 1) {
    return 'not_positive';
  }
  return nationalLength(block, maxExtensionLength(block, decade) + by) > maxNational
    ? 'too_long'
    : null;
}

export type ShortenProblem = 'not_lengthened' | 'in_use' | 'not_positive';

/**
 * Why a lengthening cannot be undone by `by` digits, or null: it is refused while any number of
 * the lengths it would remove is assigned.
 */
export function shortenProblem(decade: DecadeShape, by: number, assignedInRemovedLengths: number) {
  if (!Number.isInteger(by) || by < 1) {
    return 'not_positive' as const;
  }
  if (by > decade.extra) {
    return 'not_lengthened' as const;
  }
  return assignedInRemovedLengths > 0 ? ('in_use' as const) : null;
}

/** The national digits of the first number of a decade at an extension length. */
export function firstNumber(
  block: BlockShape,
  decade: DecadeShape,
  extensionLength: number,
): string {
  return `${block.prefix}${decade.digit}${'0'.repeat(extensionLength - 1)}`;
}

/** The national digits of the i-th number (0-based) of a decade at an extension length. */
export function numberAt(
  block: BlockShape,
  decade: DecadeShape,
  extensionLength: number,
  index: number,
): string {
  const rest = extensionLength - 1;
  return `${block.prefix}${decade.digit}${rest > 0 ? String(index).padStart(rest, '0') : ''}`;
}

/** Where a national number sits in a block, or null when it is not one of its numbers. */
export function locate(
  block: BlockShape,
  decades: readonly DecadeShape[],
  national: string,
): { decade: DecadeShape; extensionLength: number; index: number } | null {
  if (!national.startsWith(block.prefix)) {
    return null;
  }
  const ext = national.slice(block.prefix.length);
  if (block.extensionLength === 0) {
    return ext === '' ? { decade: { digit: 0, extra: 0 }, extensionLength: 0, index: 0 } : null;
  }
  const decade = decades.find((d) => String(d.digit) === ext[0]);
  if (!decade || ext.length < 1 || ext.length > maxExtensionLength(block, decade)) {
    return null;
  }
  return { decade, extensionLength: ext.length, index: ext.length > 1 ? Number(ext.slice(1)) : 0 };
}
