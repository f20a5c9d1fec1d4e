// What an upload is and its cells: .xlsx (guarded ZIP), CSV (UTF-8 with or without BOM, UTF-16
// with BOM, or Windows-1252 as German Excel writes "CSV (Trennzeichen-getrennt)"; ";", "," or
// tab), and everything else refused with a reason the user can act on.
import { XlsxError, readXlsx, type Cell, type SheetRow } from './xlsx-reader.ts';
import { ZipError, looksLikeZip, type ZipLimits } from './zip.ts';

export type UploadProblem =
  | 'file_empty'
  | 'not_a_spreadsheet'
  | 'password_protected'
  | 'legacy_xls'
  | 'corrupt'
  | 'zip_bomb'
  | 'too_many_rows'
  | 'empty_sheet';

export class UploadError extends Error {
  readonly problem: UploadProblem;
  constructor(problem: UploadProblem, detail: string = problem) {
    super(detail);
    this.name = 'UploadError';
    this.problem = problem;
  }
}

export type FileFormat = 'xlsx' | 'csv';

export interface UploadContent {
  format: FileFormat;
  sheetName: string;
  rows: SheetRow[];
  date1904: boolean;
  /** CSV only: the delimiter and encoding found. */
  delimiter?: string;
  encoding?: string;
}

export const SHEET_NAMES = ['Arbeitsplätze', 'Arbeitsplaetze', 'Workplaces'] as const;

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Magic numbers of files people upload by mistake (PDF, PNG, JPEG, GIF, gzip, 7z, RAR, ELF, MZ).
const BINARY_MAGIC = [
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21],
  [0x7f, 0x45, 0x4c, 0x46],
  [0x4d, 0x5a],
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((b, i) => bytes[i] === b);

/** The sheet's rows; throws UploadError for anything that is not a readable spreadsheet. */
export function readUpload(
  bytes: Uint8Array,
  options: { maxRows: number; zipLimits?: ZipLimits },
): UploadContent {
  if (bytes.length === 0) {
    throw new UploadError('file_empty');
  }
  // +1: the header row; the row limit counts workplaces.
  const maxRows = options.maxRows + 1;
  if (startsWith(bytes, CFB)) {
    // Office encrypts .xlsx files into an OLE container holding an "EncryptedPackage" stream.
    const utf16 = Buffer.from('EncryptedPackage', 'utf16le');
    throw new UploadError(Buffer.from(bytes).includes(utf16) ? 'password_protected' : 'legacy_xls');
  }
  if (looksLikeZip(bytes)) {
    try {
      const sheet = readXlsx(bytes, {
        sheetNames: SHEET_NAMES,
        maxRows,
        ...(options.zipLimits ? { zipLimits: options.zipLimits } : {}),
      });
      return nonEmpty({
        format: 'xlsx',
        sheetName: sheet.name,
        rows: sheet.rows,
        date1904: sheet.date1904,
      });
    } catch (err) {
      if (err instanceof UploadError) {
        throw err;
      }
      if (err instanceof ZipError) {
        throw new UploadError(
          err.problem === 'encrypted' ? 'password_protected' : err.problem,
          err.message,
        );
      }
      if (err instanceof XlsxError) {
        throw new UploadError(
          err.problem === 'not_xlsx' ? 'not_a_spreadsheet' : err.problem,
          err.message,
        );
      }
      throw new UploadError('corrupt', err instanceof Error ? err.message : String(err));
    }
  }
  if (BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) {
    throw new UploadError('not_a_spreadsheet');
  }
  const decoded = decodeText(bytes);
  if (decoded === null) {
    throw new UploadError('not_a_spreadsheet');
  }
  const { rows, delimiter } = parseCsvRows(decoded.text, maxRows);
  return nonEmpty({
    format: 'csv',
    sheetName: 'CSV',
    rows,
    date1904: false,
    delimiter,
    encoding: decoded.encoding,
  });
}

function nonEmpty(content: UploadContent): UploadContent {
  if (content.rows.length === 0) {
    throw new UploadError('empty_sheet');
  }
  return content;
}

/** Text of a CSV upload, or null when it is binary. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } | null {
  let encoding = 'utf-8';
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    body = bytes.subarray(3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    if (encoding !== 'utf-8') {
      return null;
    }
    // Not UTF-8: German Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252.
    encoding = 'windows-1252';
    text = new TextDecoder(encoding).decode(body);
  }
  // Control characters other than tab and line breaks mean a binary file.
  const sample = text.slice(0, 8192);
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g)?.length ?? 0;
  if (control > 0) {
    return null;
  }
  return { text, encoding };
}

/** The delimiter most used in the first line outside quotes: ";", "," or tab. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === '\n' || c === '\r')) {
      break;
    } else if (!quoted && c in counts) {
      counts[c]!++;
    }
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ';' : best[0];
}

/** RFC 4180 records with their record number (a quoted line break stays in its cell). */
export function parseCsvRows(
  text: string,
  maxRows: number,
): { rows: SheetRow[]; delimiter: string } {
  const delimiter = detectDelimiter(text);
  const rows: SheetRow[] = [];
  let record = 1;
  let cells: Cell[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    cells.push(wasQuoted || field !== '' ? field : null);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (cells.some((c) => typeof c === 'string' && c.trim() !== '')) {
      rows.push({ r: record, cells });
      if (rows.length > maxRows) {
        throw new UploadError('too_many_rows');
      }
    }
    record++;
    cells = [];
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === delimiter) {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      endRecord();
    } else {
      field += c;
    }
  }
  if (field !== '' || cells.length > 0 || wasQuoted) {
    endRecord();
  }
  return { rows, delimiter };
}
