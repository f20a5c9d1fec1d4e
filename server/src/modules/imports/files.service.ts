// Files of the list import: the company's template, the export of its workplaces in the same
// format, and the error workbook (the uploaded list back with an error column and the bad cells
// highlighted, to fix in a spreadsheet program and upload again).
import ExcelJS from 'exceljs';
import type { Language } from '../../../../common/src/i18n/index.ts';
import { formatNational } from '../../../../common/src/numbers/parse.ts';
import { proposeInternalNumber } from '../../../../common/src/rules/internal-number.ts';
import { translate } from '../../platform/i18n.ts';
import { firstFreeNumber } from '../workplaces/standard-settings.ts';
import { columnHeader, columnHint } from './columns.ts';
import { devicesAndAddons, exportableWorkplaces } from './export.repository.ts';
import { importStoreOf, type ImportDeps } from './imports.service.ts';
import type { ImportState, StoredRow } from './imports.store.ts';
import { loadLookups } from './lookups.ts';
import { EXAMPLE_USERNAME, type RowIssue } from './rows.ts';
import { parseCsvRows, decodeText, SHEET_NAMES } from './upload-reader.ts';
import { columnLetter } from './xlsx-reader.ts';
import { listCsv, listFile, listWorkbook, type ListFile, type ListRow } from './workbook.ts';

/** The template for the company: its lists in the drop-downs and one example row. */
export async function templateFile(
  deps: ImportDeps,
  companyId: string,
  lang: Language,
  format: 'xlsx' | 'csv',
): Promise<ListFile> {
  const lookups = await loadLookups(deps.database.db, companyId, lang);
  const group = lookups.defaultGroup ?? lookups.groups[0] ?? null;
  const free = group ? await firstFreeNumber(deps, companyId, group.id) : null;
  const number = free ? formatNational(free.e164, free.extensionLength) : '0228 123456-10';
  const client = lookups.devices.find((d) => d.active && d.key === 'telekom-desktop-full');
  const example: ListRow = {
    group: group?.name ?? '',
    firstName: 'Max',
    lastName: 'Mustermann',
    email: 'max.mustermann@example.com',
    username: EXAMPLE_USERNAME,
    authEmail: 'max.mustermann@example.com',
    authMobile: '0151 12345678',
    withoutMobile: translate(lang, 'import.no'),
    mainNumber: number,
    internalNumber: proposeInternalNumber(free?.e164 ?? '+4922812345610', free?.extensionLength),
    nomadic: translate(lang, 'import.allowed'),
    device1: client?.label ?? '',
  };
  const base = lang === 'en' ? 'workplaces-template' : 'arbeitsplaetze-vorlage';
  return format === 'xlsx'
    ? listFile(
        'xlsx',
        base,
        await listWorkbook(lookups, lang, [example], {
          maxRows: deps.config.imports.maxRows,
          example: true,
        }),
      )
    : listFile('csv', base, listCsv(lang, [example]));
}

/** The company's workplaces (not deleted) in the list's format: export → import elsewhere. */
export async function exportFile(
  deps: ImportDeps,
  companyId: string,
  lang: Language,
  format: 'xlsx' | 'csv',
): Promise<ListFile> {
  const db = deps.database.db;
  const [lookups, workplaces, extra] = await Promise.all([
    loadLookups(db, companyId, lang),
    exportableWorkplaces(db, companyId),
    devicesAndAddons(db, companyId),
  ]);
  const yes = translate(lang, 'import.yes');
  const no = translate(lang, 'import.no');
  const rows = workplaces.map((w): ListRow => {
    const row: ListRow = {
      group: lookups.groupById.get(w.groupId)?.name ?? '',
      area: w.areaId ? (lookups.areaById.get(w.areaId)?.name ?? '') : '',
      timeZone: w.timeZone,
      salutation: w.salutation ?? '',
      firstName: w.firstName,
      lastName: w.lastName,
      email: w.email ?? '',
      street: w.street ?? '',
      postalCode: w.postalCode ?? '',
      city: w.city ?? '',
      department: w.department ?? '',
      username: w.username,
      authEmail: w.authEmail,
      authMobile: w.authMobile ? formatNational(w.authMobile) : '',
      withoutMobile: w.passwordDelivery === 'email' ? yes : no,
      mainNumber: formatNational(w.mainNumber),
      internalNumber: w.internalNumber,
      nomadic: translate(lang, w.nomadic === 'restricted' ? 'import.restricted' : 'import.allowed'),
      blockingProfile: w.blockingProfileId
        ? (lookups.profileById.get(w.blockingProfileId)?.name ?? '')
        : '',
      addons: extra.addons
        .filter((a) => a.workplaceId === w.id && lookups.addonByKey.has(a.productKey))
        .map((a) => lookups.addonByKey.get(a.productKey)!.name)
        .join(', '),
    };
    extra.devices
      .filter((d) => d.workplaceId === w.id)
      .slice(0, 6)
      .forEach((d, i) => {
        row[`device${i + 1}`] = lookups.deviceById.get(d.deviceModelId)?.label ?? '';
        row[`mac${i + 1}`] = d.macAddress ? formatMac(d.macAddress) : '';
      });
    return row;
  });
  const base = lang === 'en' ? 'workplaces' : 'arbeitsplaetze';
  return format === 'xlsx'
    ? listFile(
        'xlsx',
        base,
        await listWorkbook(lookups, lang, rows, {
          maxRows: Math.max(deps.config.imports.maxRows, rows.length),
          example: false,
        }),
      )
    : listFile('csv', base, listCsv(lang, rows));
}

const formatMac = (mac: string) => mac.toUpperCase().match(/.{2}/g)?.join(':') ?? mac;

const RED = 'FFFFC7CE';
const ORANGE = 'FFFFEB9C';

/** "Spalte: Meldung" lines of a row, in the caller's language. */
function issueLines(issues: RowIssue[], lang: Language): string[] {
  return issues.map((issue) => {
    const message = translate(lang, issue.rule, issue.params ?? {});
    return issue.column ? `${columnHeader(lang, issue.column)}: ${message}` : message;
  });
}

/**
 * The uploaded list with an error column (after the last used column) and every cell named by
 * an issue highlighted with the message as its note. A CSV comes back as a workbook with its
 * cells as text (highlighting needs a workbook; "Speichern unter → CSV" turns it back).
 */
export async function errorWorkbook(
  deps: ImportDeps,
  state: ImportState,
  lang: Language,
): Promise<ListFile> {
  const store = importStoreOf(deps);
  const [upload, rows] = await Promise.all([
    store.upload(state.companyId, state.id),
    store.rows(state.companyId, state.id),
  ]);
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  if (state.format === 'xlsx') {
    // The upload passed the ZIP checks (sizes, ratio) when it was read.
    await workbook.xlsx.load(upload as unknown as ArrayBuffer);
    const wanted = SHEET_NAMES.map((n) => n.toLowerCase());
    sheet =
      workbook.worksheets.find((w) => wanted.includes(w.name.toLowerCase())) ??
      workbook.worksheets.find((w) => w.state === 'visible') ??
      workbook.worksheets[0]!;
  } else {
    sheet = workbook.addWorksheet('Arbeitsplätze');
    const text = decodeText(upload)?.text ?? '';
    for (const row of parseCsvRows(text, Number.MAX_SAFE_INTEGER).rows) {
      row.cells.forEach((value, index) => {
        const cell = sheet.getCell(row.r, index + 1);
        cell.numFmt = '@';
        cell.value = typeof value === 'string' ? value : null;
      });
    }
  }
  const headerRow = state.headerRow ?? 1;
  const used = Math.max(
    sheet.getRow(headerRow).cellCount,
    ...Object.values(state.columns).map((c) => c + 1),
  );
  const errorColumn = used + 1;
  const head = sheet.getCell(headerRow, errorColumn);
  head.value = translate(lang, 'import.errors_column');
  head.font = { bold: true, color: { argb: 'FF9C0006' } };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } };
  sheet.getColumn(errorColumn).width = 60;
  for (const row of rows.filter((r) => r.issues.length > 0 && r.status !== 'skipped')) {
    markRow(sheet, state, row, errorColumn, lang);
  }
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const base = state.fileName.replace(/\.(xlsx|csv|txt)$/i, '') || 'liste';
  return listFile('xlsx', `${base}-${lang === 'en' ? 'errors' : 'fehler'}`, body);
}

function markRow(
  sheet: ExcelJS.Worksheet,
  state: ImportState,
  row: StoredRow,
  errorColumn: number,
  lang: Language,
): void {
  const summary = sheet.getCell(row.r, errorColumn);
  summary.value = issueLines(row.issues, lang).join('\n');
  summary.alignment = { wrapText: true, vertical: 'top' };
  const byColumn = new Map<string, RowIssue[]>();
  for (const issue of row.issues) {
    if (issue.column && state.columns[issue.column] !== undefined) {
      byColumn.set(issue.column, [...(byColumn.get(issue.column) ?? []), issue]);
    }
  }
  for (const [column, issues] of byColumn) {
    const cell = sheet.getCell(row.r, state.columns[column]! + 1);
    const error = issues.some((i) => i.severity === 'error');
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: error ? RED : ORANGE } };
    cell.note = [...issueLines(issues, lang), '', columnHint(lang, column)].join('\n');
  }
}

/** "J5" for a column key in a row, when the sheet has that column. */
export function cellRef(state: ImportState, column: string | null, r: number): string | null {
  const index = column ? state.columns[column] : undefined;
  return index === undefined ? null : `${columnLetter(index)}${r}`;
}
