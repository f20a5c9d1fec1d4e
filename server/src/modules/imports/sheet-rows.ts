// The hot part of reading an .xlsx sheet: its rows and cells, and the shared strings they point
// to. One pass over the XML text with indexOf and character codes; a cell's attributes are read
// in place (no substring per cell head or body), so a 10,000-row sheet costs a few tens of
// milliseconds. Values as stored; formulas by their cached value (never evaluated);
// date-formatted numbers flagged as dates.
import {
  columnAt,
  decode,
  integerAt,
  nameEnds,
  nextAttribute,
  shortName,
  type Attribute,
} from './sheet-xml.ts';

/** A date-formatted number (Excel serial day) or a formula whose value was never stored. */
export type SpecialCell =
  | { kind: 'date'; serial: number }
  | { kind: 'error'; text: string }
  | { kind: 'formula_without_value' };
export type Cell = string | number | boolean | SpecialCell | null;

export interface SheetRow {
  /** The row number in the spreadsheet (1-based), as the user sees it. */
  r: number;
  cells: Cell[];
}

export class XlsxError extends Error {
  readonly problem: 'not_xlsx' | 'corrupt' | 'too_many_rows';
  constructor(problem: XlsxError['problem'], detail: string) {
    super(detail);
    this.name = 'XlsxError';
    this.problem = problem;
  }
}

const R = 114;
const T = 116;
const S = 115;
const SLASH = 47;

/** The shared strings (xl/sharedStrings.xml) by index. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<si', at);
    if (start < 0) {
      break;
    }
    const gt = xml.indexOf('>', start);
    if (gt < 0) {
      break;
    }
    if (!nameEnds(xml, start + 3)) {
      at = start + 3;
      continue;
    }
    if (xml.charCodeAt(gt - 1) === SLASH) {
      out.push('');
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf('</si>', gt);
    const end = close < 0 ? xml.length : close;
    out.push(runText(xml, gt + 1, end));
    at = end + 5;
  }
  return out;
}

/** The text of the <t> elements between the bounds, without phonetic runs (<rPh>). */
export function runText(xml: string, from: number, to: number): string {
  let out = '';
  let at = from;
  for (;;) {
    const open = xml.indexOf('<', at);
    if (open < 0 || open >= to) {
      break;
    }
    if (xml.startsWith('<rPh', open) && nameEnds(xml, open + 4)) {
      const skip = xml.indexOf('</rPh>', open);
      at = skip < 0 || skip >= to ? to : skip + 6;
      continue;
    }
    if (xml.charCodeAt(open + 1) !== T || !nameEnds(xml, open + 2)) {
      at = open + 1;
      continue;
    }
    const gt = xml.indexOf('>', open);
    if (gt < 0 || gt >= to) {
      break;
    }
    if (xml.charCodeAt(gt - 1) === SLASH) {
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf('</t>', gt);
    const end = close < 0 || close > to ? to : close;
    out += xml.slice(gt + 1, end);
    at = end + 4;
  }
  return decode(out);
}

/**
 * The non-empty rows of a sheet's XML with their cells; throws once more than `maxRows` are
 * seen (too_many_rows).
 */
export function sheetRows(
  xml: string,
  shared: readonly string[],
  dates: readonly boolean[],
  maxRows: number,
): SheetRow[] {
  const rows: SheetRow[] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) {
    return rows;
  }
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  const end = dataEnd < 0 ? xml.length : dataEnd;
  const a: Attribute = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };
  let at = dataStart;
  let lastRow = 0;
  for (;;) {
    const open = xml.indexOf('<row', at);
    if (open < 0 || open >= end) {
      break;
    }
    if (!nameEnds(xml, open + 4)) {
      at = open + 4;
      continue;
    }
    const gt = xml.indexOf('>', open);
    if (gt < 0) {
      // Cut off inside a tag: nothing more to read.
      break;
    }
    let r = lastRow + 1;
    for (let i = open + 4; i >= 0 && i < gt;) {
      i = nextAttribute(xml, i, gt, a);
      if (i >= 0 && shortName(xml, a) === R) {
        r = Number(xml.slice(a.valueStart, a.valueEnd));
      }
    }
    lastRow = r;
    if (xml.charCodeAt(gt - 1) === SLASH) {
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf('</row>', gt);
    const rowEnd = close < 0 ? end : close;
    const cells = rowCells(xml, gt + 1, rowEnd, shared, dates, a);
    at = rowEnd + 6;
    if (cells.some((c) => c !== null && c !== '')) {
      rows.push({ r, cells });
      if (rows.length > maxRows) {
        throw new XlsxError('too_many_rows', `more than ${maxRows} rows`);
      }
    }
  }
  return rows;
}

function rowCells(
  xml: string,
  from: number,
  to: number,
  shared: readonly string[],
  dates: readonly boolean[],
  a: Attribute,
): Cell[] {
  const cells: Cell[] = [];
  let at = from;
  let column = 0;
  for (;;) {
    const open = xml.indexOf('<c', at);
    if (open < 0 || open >= to) {
      break;
    }
    if (!nameEnds(xml, open + 2)) {
      at = open + 2;
      continue;
    }
    const gt = xml.indexOf('>', open);
    if (gt < 0 || gt >= to) {
      break;
    }
    let index = column;
    let typeStart = -1;
    let typeEnd = -1;
    let style = 0;
    for (let i = open + 2; i >= 0 && i < gt;) {
      i = nextAttribute(xml, i, gt, a);
      if (i < 0) {
        break;
      }
      const name = shortName(xml, a);
      if (name === R) {
        index = a.valueEnd > a.valueStart ? columnAt(xml, a.valueStart, a.valueEnd) : column;
      } else if (name === T) {
        typeStart = a.valueStart;
        typeEnd = a.valueEnd;
      } else if (name === S) {
        style = Number(xml.slice(a.valueStart, a.valueEnd));
      }
    }
    column = index + 1;
    if (xml.charCodeAt(gt - 1) === SLASH) {
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf('</c>', gt);
    const bodyEnd = close < 0 || close > to ? to : close;
    at = bodyEnd + 4;
    const type = typeStart < 0 ? 'n' : xml.slice(typeStart, typeEnd);
    const value = cellValue(xml, gt + 1, bodyEnd, type, style, shared, dates);
    if (value !== null) {
      while (cells.length < index) {
        cells.push(null);
      }
      cells[index] = value;
    }
  }
  return cells;
}

function cellValue(
  xml: string,
  from: number,
  to: number,
  type: string,
  style: number,
  shared: readonly string[],
  dates: readonly boolean[],
): Cell {
  if (type === 'inlineStr') {
    return runText(xml, from, to);
  }
  let vOpen = xml.indexOf('<v', from);
  while (vOpen >= 0 && vOpen < to && !nameEnds(xml, vOpen + 2)) {
    vOpen = xml.indexOf('<v', vOpen + 2);
  }
  let valueStart = -1;
  let valueEnd = -1;
  if (vOpen >= 0 && vOpen < to) {
    const gt = xml.indexOf('>', vOpen);
    if (gt >= 0 && gt < to && xml.charCodeAt(gt - 1) !== SLASH) {
      valueStart = gt + 1;
      const close = xml.indexOf('</v>', gt);
      valueEnd = close < 0 || close > to ? to : close;
    }
  }
  if (valueStart < 0) {
    // A formula that was never calculated has no cached value; we never evaluate it.
    const f = xml.indexOf('<f', from);
    return f >= 0 && f < to ? { kind: 'formula_without_value' } : null;
  }
  switch (type) {
    case 's': {
      const n = integerAt(xml, valueStart, valueEnd);
      return (Number.isNaN(n) ? shared[Number(xml.slice(valueStart, valueEnd))] : shared[n]) ?? '';
    }
    case 'str':
      return decode(xml.slice(valueStart, valueEnd));
    case 'b': {
      const raw = xml.slice(valueStart, valueEnd);
      return raw === '1' || raw === 'true';
    }
    case 'e':
      return { kind: 'error', text: decode(xml.slice(valueStart, valueEnd)) };
    case 'd':
      return decode(xml.slice(valueStart, valueEnd));
    default: {
      const raw = xml.slice(valueStart, valueEnd);
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) {
        return decode(raw);
      }
      return dates[style] ? { kind: 'date', serial: n } : n;
    }
  }
}
