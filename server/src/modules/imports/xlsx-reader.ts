// Reads the cells of one sheet of an .xlsx file: values as stored, formulas by their cached value
// (never evaluated), date-formatted numbers flagged as dates. A small scanner over the sheet XML
// rather than a general workbook library: it reads a 10,000-row sheet several times faster and
// opens nothing but the parts it needs, each through the guarded ZIP reader.
import { attr, columnIndex, decode } from './sheet-xml.ts';
import { ZipArchive, type ZipLimits } from './zip.ts';

export { columnIndex, columnLetter, decode } from './sheet-xml.ts';

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

export interface ReadSheet {
  name: string;
  rows: SheetRow[];
  /** All sheet names, in workbook order. */
  sheetNames: string[];
  /** 1904 date system (old Mac workbooks). */
  date1904: boolean;
}

export class XlsxError extends Error {
  readonly problem: 'not_xlsx' | 'corrupt' | 'too_many_rows';
  constructor(problem: XlsxError['problem'], detail: string) {
    super(detail);
    this.name = 'XlsxError';
    this.problem = problem;
  }
}

export interface ReadOptions {
  /** Preferred sheet names (case-insensitive); otherwise the first visible sheet. */
  sheetNames?: readonly string[];
  /** Stop with too_many_rows once more non-empty rows than this are seen. */
  maxRows?: number;
  zipLimits?: ZipLimits;
}

const text = (buf: Buffer | null) => (buf ? buf.toString('utf8') : null);

/** Reads the chosen sheet of an .xlsx file (bytes of the upload). */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): ReadSheet {
  const zip = new ZipArchive(bytes, options.zipLimits);
  // Every part is inflated once under the caps, so the error workbook may later reopen the file.
  zip.verifyAll();
  const workbook = text(zip.read('xl/workbook.xml'));
  if (workbook === null) {
    throw new XlsxError('not_xlsx', 'no xl/workbook.xml');
  }
  const sheets = workbookSheets(stripPrefixes(workbook));
  const rels = relationships(text(zip.read('xl/_rels/workbook.xml.rels')) ?? '');
  const wanted = (options.sheetNames ?? []).map((n) => n.toLowerCase());
  const chosen =
    sheets.find((s) => wanted.includes(s.name.toLowerCase())) ??
    sheets.find((s) => s.state === 'visible') ??
    sheets[0];
  if (!chosen) {
    throw new XlsxError('corrupt', 'workbook without sheets');
  }
  const target = rels.get(chosen.rid);
  const path = target
    ? target.startsWith('/')
      ? target.slice(1)
      : `xl/${target.replace(/^\.\//, '')}`
    : null;
  const sheetXml = path ? text(zip.read(path)) : null;
  if (sheetXml === null) {
    throw new XlsxError('corrupt', `sheet part of ${chosen.name} missing`);
  }
  const shared = sharedStrings(text(zip.read('xl/sharedStrings.xml')) ?? '');
  const dates = dateStyles(text(zip.read('xl/styles.xml')) ?? '');
  return {
    name: chosen.name,
    sheetNames: sheets.map((s) => s.name),
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook),
    rows: sheetRows(stripPrefixes(sheetXml), shared, dates, options.maxRows ?? Infinity),
  };
}

/** Some writers (OpenXML SDK) prefix every element: <x:row>. */
function stripPrefixes(xml: string): string {
  return /<[a-zA-Z0-9]+:(worksheet|workbook)\b/.test(xml)
    ? xml.replace(/<(\/?)[a-zA-Z0-9]+:/g, '<$1')
    : xml;
}

interface SheetInfo {
  name: string;
  rid: string;
  state: string;
}

function workbookSheets(xml: string): SheetInfo[] {
  const out: SheetInfo[] = [];
  for (const m of xml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? '';
    const name = attr(attrs, 'name');
    const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\bid="([^"]*)"/.exec(attrs)?.[1];
    if (name !== null && rid) {
      out.push({ name: decode(name), rid, state: attr(attrs, 'state') ?? 'visible' });
    }
  }
  return out;
}

function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1] ?? '', 'Id');
    const target = attr(m[1] ?? '', 'Target');
    if (id && target) {
      map.set(id, decode(target));
    }
  }
  return map;
}

function sharedStrings(xml: string): string[] {
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
    if (xml[gt - 1] === '/') {
      out.push('');
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf('</si>', gt);
    const end = close < 0 ? xml.length : close;
    out.push(runText(xml.slice(gt + 1, end)));
    at = end + 5;
  }
  return out;
}

/** The text of <t> elements, without phonetic runs (<rPh>). */
function runText(inner: string): string {
  const body = inner.includes('<rPh') ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let out = '';
  let at = 0;
  for (;;) {
    const open = body.indexOf('<t', at);
    if (open < 0) {
      break;
    }
    const after = body[open + 2];
    if (after !== '>' && after !== ' ' && after !== '/') {
      at = open + 2;
      continue;
    }
    const gt = body.indexOf('>', open);
    if (body[gt - 1] === '/') {
      at = gt + 1;
      continue;
    }
    const close = body.indexOf('</t>', gt);
    out += body.slice(gt + 1, close < 0 ? body.length : close);
    at = close < 0 ? body.length : close + 4;
  }
  return decode(out);
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30).
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Per cell style index (s="…"): does its number format show a date? */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId'));
    const code = decode(attr(m[1] ?? '', 'formatCode') ?? '');
    custom.set(id, isDateFormat(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_DATES.has(id));
  }
  return out;
}

/** A format code shows a date when it has d, m or y outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dmyDMY]/.test(bare) && !/^general$/i.test(bare.trim());
}

function sheetRows(xml: string, shared: string[], dates: boolean[], maxRows: number): SheetRow[] {
  const rows: SheetRow[] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) {
    return rows;
  }
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  const end = dataEnd < 0 ? xml.length : dataEnd;
  let at = dataStart;
  let lastRow = 0;
  for (;;) {
    const open = xml.indexOf('<row', at);
    if (open < 0 || open >= end) {
      break;
    }
    const gt = xml.indexOf('>', open);
    const head = xml.slice(open + 4, gt);
    const r = Number(attr(head, 'r') ?? lastRow + 1);
    lastRow = r;
    if (head.endsWith('/')) {
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf('</row>', gt);
    const rowEnd = close < 0 ? end : close;
    const cells = rowCells(xml, gt + 1, rowEnd, shared, dates);
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
  shared: string[],
  dates: boolean[],
): Cell[] {
  const cells: Cell[] = [];
  let at = from;
  let column = 0;
  for (;;) {
    const open = xml.indexOf('<c', at);
    if (open < 0 || open >= to) {
      break;
    }
    const next = xml[open + 2];
    if (next !== ' ' && next !== '>' && next !== '/') {
      at = open + 2;
      continue;
    }
    const gt = xml.indexOf('>', open);
    const head = xml.slice(open + 2, gt);
    const ref = attr(head, 'r');
    const index = ref ? columnIndex(ref) : column;
    column = index + 1;
    if (head.endsWith('/')) {
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf('</c>', gt);
    const body = xml.slice(gt + 1, close);
    at = close + 4;
    const value = cellValue(head, body, shared, dates);
    if (value !== null) {
      while (cells.length < index) {
        cells.push(null);
      }
      cells[index] = value;
    }
  }
  return cells;
}

function cellValue(head: string, body: string, shared: string[], dates: boolean[]): Cell {
  const type = attr(head, 't') ?? 'n';
  if (type === 'inlineStr') {
    return runText(body);
  }
  const vOpen = body.indexOf('<v');
  let raw: string | null = null;
  if (vOpen >= 0) {
    const gt = body.indexOf('>', vOpen);
    if (body[gt - 1] !== '/') {
      raw = body.slice(gt + 1, body.indexOf('</v>', gt));
    }
  }
  if (raw === null) {
    // A formula that was never calculated has no cached value; we never evaluate it.
    return body.includes('<f') ? { kind: 'formula_without_value' } : null;
  }
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'str':
      return decode(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return { kind: 'error', text: decode(raw) };
    case 'd':
      return decode(raw);
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) {
        return decode(raw);
      }
      const style = Number(attr(head, 's') ?? 0);
      return dates[style] ? { kind: 'date', serial: n } : n;
    }
  }
}
