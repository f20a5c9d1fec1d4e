// Reads the cells of one sheet of an .xlsx file: values as stored, formulas by their cached value
// (never evaluated), date-formatted numbers flagged as dates. A small scanner over the sheet XML
// rather than a general workbook library: it reads a 10,000-row sheet several times faster and
// opens nothing but the parts it needs, each through the guarded ZIP reader.
import { sharedStrings, sheetRows, XlsxError, type SheetRow } from './sheet-rows.ts';
import { attr, decode } from './sheet-xml.ts';
import { ZipArchive, type ZipLimits } from './zip.ts';

export { columnIndex, columnLetter, decode } from './sheet-xml.ts';

export { XlsxError, type Cell, type SheetRow, type SpecialCell } from './sheet-rows.ts';

export interface ReadSheet {
  name: string;
  rows: SheetRow[];
  /** All sheet names, in workbook order. */
  sheetNames: string[];
  /** 1904 date system (old Mac workbooks). */
  date1904: boolean;
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
  // Every part is inflated once under the caps, so the error workbook may later reopen the file;
  // the workbook's own parts are kept for the reads below.
  zip.verifyAll((name) => name.startsWith('xl/') && !name.startsWith('xl/media/'));
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
  return rootPrefixed(xml) ? xml.replace(/<(\/?)[a-zA-Z0-9]+:/g, '<$1') : xml;
}

/** Whether the root element is <x:worksheet> or <x:workbook> (looked for at the root only). */
function rootPrefixed(xml: string): boolean {
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<', at);
    if (open < 0) {
      return false;
    }
    if (xml.startsWith('<!--', open)) {
      const end = xml.indexOf('-->', open + 4);
      at = end < 0 ? xml.length : end + 3;
    } else if (xml[open + 1] === '?' || xml[open + 1] === '!') {
      at = open + 2;
    } else {
      return /^<[a-zA-Z0-9]+:(worksheet|workbook)\b/.test(xml.slice(open, open + 64));
    }
  }
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
