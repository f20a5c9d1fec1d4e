// The list as a file: the template (sheet "Arbeitsplätze", mandatory columns yellow and marked *,
// each column's hint as a note on its header cell, drop-down lists from the company's real data
// on a hidden sheet, an example row) and the export of existing workplaces in the same format.
import ExcelJS from 'exceljs';
import type { Language } from '../../../../common/src/i18n/index.ts';
import { translate } from '../../platform/i18n.ts';
import { COLUMNS, columnHeader, columnHint, type ColumnDef, type ListSource } from './columns.ts';
import type { Lookups } from './lookups.ts';

export const SHEET_NAME = 'Arbeitsplätze';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YELLOW = 'FFFFFF00';
const HEADER_GREY = 'FFE7E6E6';

export interface ListFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** One row of the list: column key → the text the cell shows. */
export type ListRow = Record<string, string>;

/** The header text of a column in the template ("Vorname *" for mandatory ones). */
export const templateHeader = (lang: Language, column: ColumnDef) =>
  columnHeader(lang, column.key) + (column.mandatory ? ' *' : '');

function listValues(lookups: Lookups, lang: Language): Record<ListSource, string[]> {
  return {
    templates: lookups.templates.map((t) => t.name),
    groups: lookups.groups.map((g) => g.name),
    areas: [...new Set(lookups.areas.map((a) => a.name))],
    timeZones: [
      'Europe/Berlin',
      ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'Europe/Berlin'),
    ],
    profiles: lookups.profiles.map((p) => p.name),
    devices: lookups.devices.filter((d) => d.active).map((d) => d.label),
    addons: lookups.addons.map((a) => a.name),
    flag: [translate(lang, 'import.yes'), translate(lang, 'import.no')],
    nomadic: [translate(lang, 'import.allowed'), translate(lang, 'import.restricted')],
  };
}

/** Columns whose cells are text even when they look like numbers (leading zeros stay). */
const TEXT_KINDS = new Set(['phone', 'mobile', 'digits', 'postal', 'text', 'mac']);

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** The workbook of the template (rows = the example) or of an export (rows = workplaces). */
export async function listWorkbook(
  lookups: Lookups,
  lang: Language,
  rows: ListRow[],
  options: { maxRows: number; example: boolean },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zentrale';
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const lists = workbook.addWorksheet(translate(lang, 'import.lists_sheet'), { state: 'hidden' });
  const values = listValues(lookups, lang);
  const listColumn = new Map<ListSource, string>();
  (Object.keys(values) as ListSource[]).forEach((source, index) => {
    const column = lists.getColumn(index + 1);
    const letter = column.letter;
    lists.getCell(`${letter}1`).value = source;
    values[source].forEach((value, i) => {
      lists.getCell(`${letter}${i + 2}`).value = value;
    });
    listColumn.set(
      source,
      `'${lists.name}'!$${letter}$2:$${letter}$${Math.max(2, values[source].length + 1)}`,
    );
  });

  sheet.columns = COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: TEXT_KINDS.has(c.kind)
      ? { numFmt: '@' }
      : c.kind === 'date'
        ? { numFmt: 'dd.mm.yyyy' }
        : {},
  }));
  const header = sheet.getRow(1);
  COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = templateHeader(lang, column);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: column.mandatory ? YELLOW : HEADER_GREY },
    };
    cell.note = columnHint(lang, column.key);
  });
  header.height = 32;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  const last = options.maxRows + 1;
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  COLUMNS.forEach((column, index) => {
    if (!column.list || values[column.list].length === 0) {
      return;
    }
    const letter = sheet.getColumn(index + 1).letter;
    validations.add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listColumn.get(column.list)],
      // Add-ons take several values separated by commas: the list only proposes.
      showErrorMessage: column.kind !== 'addons',
      errorTitle: columnHeader(lang, column.key),
      error: columnHint(lang, column.key),
    });
  });

  rows.forEach((row, i) => {
    const target = sheet.getRow(i + 2);
    COLUMNS.forEach((column, index) => {
      const value = row[column.key];
      if (value !== undefined && value !== '') {
        target.getCell(index + 1).value = value;
      }
    });
    if (options.example) {
      target.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same columns as CSV (UTF-8 with BOM, ";"), for those who cannot use the workbook. */
export function listCsv(lang: Language, rows: ListRow[]): Buffer {
  const quote = (value: string) =>
    /[;"\n\r]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = [
    COLUMNS.map((c) => quote(templateHeader(lang, c))).join(';'),
    ...rows.map((row) => COLUMNS.map((c) => quote(row[c.key] ?? '')).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export function listFile(format: 'xlsx' | 'csv', base: string, body: Buffer): ListFile {
  return format === 'xlsx'
    ? { body, contentType: XLSX_TYPE, fileName: `${base}.xlsx` }
    : { body, contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
}

export { XLSX_TYPE };
