import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { operatorApi } from './api.ts';
import { DEMO_ADMIN } from './demo.ts';
import { expect, login, test } from './fixtures.ts';

// A block of its own (0228 9876-00 … 99), so the spec runs beside the others on one server.
const BLOCK = '0228 9876';

async function handOutBlock(baseURL: string, companyId: string): Promise<void> {
  const api = await operatorApi(baseURL);
  const me = await api.get('/api/v1/auth/me');
  const headers = { 'x-csrf-token': ((await me.json()) as { csrfToken: string }).csrfToken };
  const created = await api.post(`/api/v1/companies/${companyId}/number-blocks`, {
    headers,
    data: { kind: 'block', number: BLOCK, extensionLength: 2 },
  });
  expect(created.status()).toBe(201);
  await api.dispose();
}

async function companyOfAdmin(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  const session = (await me.json()) as { user: { companies: { id: string }[] } };
  return session.user.companies[0]?.id ?? '';
}

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await download.path()) ?? '') as unknown as ArrayBuffer);
  return workbook;
}

const headersOf = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(1).values as (string | undefined)[]).map((v) => (v ?? '').replace(/ \*$/, ''));

async function xlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('list import: template, 3 good and 2 bad rows, error workbook, fix, import, 5 in the cart', async ({
  page,
  baseURL,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  await login(page, DEMO_ADMIN);
  await handOutBlock(baseURL ?? '', await companyOfAdmin(page));

  await page.getByRole('navigation').getByRole('link', { name: 'Listenimport' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Arbeitsplatz-Listenimport' }),
  ).toBeVisible();
  await checkA11y('list import page');

  // 1. The template: the company's workbook with the sheet "Arbeitsplätze".
  const [templateDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Vorlage (Excel, .xlsx)' }).click(),
  ]);
  expect(templateDownload.suggestedFilename()).toBe('arbeitsplaetze-vorlage.xlsx');
  const template = await workbookOf(templateDownload);
  const sheet = template.getWorksheet('Arbeitsplätze')!;
  const headers = headersOf(sheet);
  const put = (row: number, values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) {
      sheet.getCell(row, headers.indexOf(name)).value = value;
    }
  };
  const person = (n: number, username: string, internal: string) => ({
    Vorname: `Lisa${n}`,
    Nachname: 'Liste',
    Benutzername: username,
    'E-Mail zur Authentifizierung': `lisa${n}@example.com`,
    'Mobilfunknummer (SMS)': '0151 12345678',
    Rufnummer: `0228 9876-2${n}`,
    'Interne Rufnummer': internal,
    'Endgerät 1': 'Yealink T46U',
  });
  // Row 2 is the template's example (skipped); rows 3–7 are ours: 3 good, 2 bad.
  put(3, person(1, 'lisa.liste1', '221'));
  put(4, person(2, 'Lisa Liste', '222'));
  put(5, person(3, 'lisa.liste3', '223'));
  put(6, person(4, 'lisa.liste4', '7712'));
  put(7, { ...person(5, 'lisa.liste5', '225'), Aktivierungsdatum: '31.12.2030' });

  // 2. Upload: the preview shows both bad rows with column, cell and a hint.
  const fileInput = page.getByLabel('Liste (.xlsx oder .csv)');
  await fileInput.setInputFiles({
    name: 'meine-liste.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx(template),
  });
  await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
  await expect(
    page.getByText('6 Zeilen: 3 gültig, 0 mit Hinweis, 2 fehlerhaft, 1 übersprungen.'),
  ).toBeVisible();
  const rows = page.getByRole('table', { name: 'Geprüfte Zeilen' });
  await expect(rows.getByRole('row', { name: /Lisa2 Liste/ })).toContainText('Benutzername (M4)');
  await expect(rows.getByRole('row', { name: /Lisa2 Liste/ })).toContainText('Großbuchstaben');
  await expect(rows.getByRole('row', { name: /Lisa4 Liste/ })).toContainText(
    'Interne Rufnummer (R6)',
  );
  await expect(rows.getByRole('row', { name: /Lisa4 Liste/ })).toContainText('77 oder 78');
  await expect(page.getByRole('button', { name: 'Alle importieren' })).toBeDisabled();
  await checkA11y('list import preview with errors');

  // 3. The error workbook: the list back with an error column and the bad cells marked.
  const [errorDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Fehlerliste herunterladen (Excel)' }).click(),
  ]);
  expect(errorDownload.suggestedFilename()).toBe('meine-liste-fehler.xlsx');
  const errors = await workbookOf(errorDownload);
  const errorSheet = errors.getWorksheet('Arbeitsplätze')!;
  const errorHeaders = headersOf(errorSheet);
  const errorColumn = errorHeaders.indexOf('Fehler');
  expect(errorColumn).toBeGreaterThan(0);
  expect(errorSheet.getCell(4, errorColumn).text).toContain('Benutzername:');
  const badCell = errorSheet.getCell(6, errorHeaders.indexOf('Interne Rufnummer'));
  expect(badCell.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });

  // 4. Fixed in the error workbook itself, uploaded again, imported.
  errorSheet.getCell(4, errorHeaders.indexOf('Benutzername')).value = 'lisa.liste2';
  badCell.value = '224';
  await fileInput.setInputFiles({
    name: 'meine-liste-fehler.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx(errors),
  });
  await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
  await expect(
    page.getByText('6 Zeilen: 5 gültig, 0 mit Hinweis, 0 fehlerhaft, 1 übersprungen.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Alle importieren' }).click();
  await expect(
    page.getByText(
      '5 Arbeitsplätze wurden als Aufträge in den Warenkorb gelegt (noch nicht bestellt).',
    ),
  ).toBeVisible();
  const created = page.getByRole('table', { name: 'Angelegte Arbeitsplätze' });
  await expect(created.getByRole('row')).toHaveCount(6);
  await expect(created.getByRole('row', { name: /lisa.liste5/ })).toContainText('31.12.2030');
  await checkA11y('list imported');

  // 5. The cart: five activation items, not yet ordered.
  await page.getByRole('link', { name: 'Zum Warenkorb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Warenkorb' })).toBeVisible();
  const items = page.getByRole('list', { name: 'Positionen im Warenkorb' }).getByRole('listitem');
  await expect(items.filter({ hasText: /Arbeitsplatz aktivieren: Lisa\d Liste/ })).toHaveCount(5);
  await checkA11y('cart with the imported workplaces');
});
