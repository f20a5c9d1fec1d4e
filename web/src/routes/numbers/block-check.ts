import { NATIONAL_MAX_DIGITS } from '../../../../common/src/numbers/block.ts';
import {
  type NumberProblem,
  formatNational,
  parseGermanNumber,
} from '../../../../common/src/numbers/parse.ts';

export type BlockKind = 'block' | 'single';

export type BlockCheck =
  | { ok: true; /** "089 1234-00 … 99" or "0228 63803058" */ preview: string }
  | { ok: false; field: 'number'; problem: NumberProblem }
  | { ok: false; field: 'extensionLength'; problem: 'too_long_total' };

/**
 * The browser's check of a new block or single number, as the server judges it: a block base
 * ("089 1234") is shorter than any valid number, so it is checked with a dummy extension.
 */
export function checkBlockInput(
  kind: BlockKind,
  number: string,
  extensionLength: number,
): BlockCheck {
  const parsed = parseGermanNumber(number, 'fixed_line');
  const probe =
    kind === 'block' && !parsed.ok ? parseGermanNumber(`${number}00`, 'fixed_line') : parsed;
  if (!probe.ok) {
    return { ok: false, field: 'number', problem: probe.problem };
  }
  if (kind === 'single') {
    return { ok: true, preview: formatNational(probe.e164) };
  }
  const national = parsed.ok ? parsed.national : probe.national.slice(0, -2);
  if (national.length + extensionLength > NATIONAL_MAX_DIGITS) {
    return { ok: false, field: 'extensionLength', problem: 'too_long_total' };
  }
  const first = formatNational(`+49${national}${'0'.repeat(extensionLength)}`, extensionLength);
  return { ok: true, preview: `${first} … ${'9'.repeat(extensionLength)}` };
}
