// CSV upload of number blocks for operators: validated completely first, then all or nothing.
import { parseCsv } from '../../../../common/src/csv.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import {
  checkNewBlock,
  createBlock,
  lockInventory,
  type NewBlockInput,
  type NumberDeps,
} from './numbers.service.ts';
import { overlappingBlocks } from './numbers.repository.ts';

const COLUMNS: Record<string, keyof Row> = {
  rufnummer: 'number',
  number: 'number',
  art: 'kind',
  kind: 'kind',
  durchwahlstellen: 'extensionLength',
  'extension length': 'extensionLength',
  dekaden: 'decades',
  decades: 'decades',
  'verfügbar ab': 'availableFrom',
  'available from': 'availableFrom',
  herkunft: 'source',
  source: 'source',
};

interface Row {
  number: string;
  kind: string;
  extensionLength: string;
  decades: string;
  availableFrom: string;
  source: string;
}

export interface ImportIssue {
  row: number;
  field: string;
  rule: string;
}

const MAX_ROWS = 5000;

function toInput(row: Row): NewBlockInput | { field: string; rule: string } {
  const kindText = row.kind.trim().toLowerCase();
  const kind = ['einzelrufnummer', 'msn', 'single', 'einzel'].includes(kindText)
    ? 'single'
    : ['block', 'rufnummernblock', 'ddi', ''].includes(kindText)
      ? row.extensionLength.trim() === '' && kindText === ''
        ? 'single'
        : 'block'
      : null;
  if (!kind) {
    return { field: 'kind', rule: 'kind_invalid' };
  }
  // "2" or a range such as "00-99" both mean two extension digits.
  const ext = row.extensionLength.trim();
  const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(ext);
  const extensionLength = ext === '' ? undefined : range ? range[2]!.length : Number(ext);
  if (extensionLength !== undefined && !Number.isInteger(extensionLength)) {
    return { field: 'extensionLength', rule: 'extension_length_invalid' };
  }
  let decades: number[] | undefined;
  const dec = row.decades.trim();
  if (dec !== '') {
    const span = /^(\d)\s*[-–]\s*(\d)$/.exec(dec);
    decades = span
      ? Array.from({ length: Number(span[2]) - Number(span[1]) + 1 }, (_, i) => Number(span[1]) + i)
      : dec.split(/[\s,]+/).map(Number);
    if (decades.length === 0 || decades.some((d) => !Number.isInteger(d) || d < 0 || d > 9)) {
      return { field: 'decades', rule: 'decades_invalid' };
    }
  }
  const when = row.availableFrom.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(when);
  const availableFrom =
    when === ''
      ? null
      : german
        ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
        : when;
  if (availableFrom && !isCalendarDate(availableFrom)) {
    return { field: 'availableFrom', rule: 'date_invalid' };
  }
  const src = row.source.trim().toLowerCase();
  const source = ['', 'neu', 'new'].includes(src)
    ? 'new'
    : ['portiert', 'ported'].includes(src)
      ? 'ported'
      : null;
  if (!source) {
    return { field: 'source', rule: 'source_invalid' };
  }
  return { kind, number: row.number, extensionLength, decades, availableFrom, source };
}

/** Parses and checks every row; throws import_failed with all problems, or creates all blocks. */
export async function importBlocksCsv(
  deps: NumberDeps,
  actor: AuditActor,
  companyId: string,
  csv: string,
) {
  const rows = parseCsv(csv);
  const header = (rows.shift() ?? []).map((h) => COLUMNS[h.trim().toLowerCase()]);
  if (!header.includes('number')) {
    throw new AppError('import_no_number_column', 400, {
      details: [{ field: 'Rufnummer', rule: 'required' }],
    });
  }
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    throw new AppError('import_row_count', 400, { params: { max: MAX_ROWS } });
  }
  const issues: ImportIssue[] = [];
  const inputs: NewBlockInput[] = [];
  const prefixes: { prefix: string; row: number }[] = [];
  rows.forEach((cells, i) => {
    const row: Row = {
      number: '',
      kind: '',
      extensionLength: '',
      decades: '',
      availableFrom: '',
      source: '',
    };
    header.forEach((key, col) => {
      if (key) {
        row[key] = cells[col] ?? '';
      }
    });
    const line = i + 2; // 1-based, after the header
    const input = toInput(row);
    if ('rule' in input) {
      issues.push({ row: line, ...input });
      return;
    }
    try {
      const shape = checkNewBlock(input);
      const clash = prefixes.find(
        (p) => p.prefix.startsWith(shape.prefix) || shape.prefix.startsWith(p.prefix),
      );
      if (clash) {
        issues.push({ row: line, field: 'number', rule: 'number_overlap' });
      }
      prefixes.push({ prefix: shape.prefix, row: line });
      inputs.push(input);
    } catch (err) {
      const detail = (err as AppError).details as { field: string; rule: string }[] | null;
      issues.push({
        row: line,
        field: detail?.[0]?.field ?? 'number',
        rule: detail?.[0]?.rule ?? 'invalid',
      });
    }
  });
  if (issues.length > 0) {
    throw new AppError('import_failed', 400, { params: { count: issues.length }, details: issues });
  }
  return deps.database.transaction(async (tx) => {
    await lockInventory(tx);
    const existing: ImportIssue[] = [];
    for (const [i, p] of prefixes.entries()) {
      if ((await overlappingBlocks(tx, p.prefix)).length > 0) {
        existing.push({ row: prefixes[i]!.row, field: 'number', rule: 'number_overlap' });
      }
    }
    if (existing.length > 0) {
      throw new AppError('import_failed', 400, {
        params: { count: existing.length },
        details: existing,
      });
    }
    const created = [];
    for (const input of inputs) {
      created.push(await createBlock(deps, actor, companyId, input, tx));
    }
    return created;
  });
}

/** A real YYYY-MM-DD day (31.02. is not one). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
