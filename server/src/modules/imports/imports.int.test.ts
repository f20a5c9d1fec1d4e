// The list import through the API (issue 9, seed 001 "3. Einrichtung durch Listenimport"): files
// written by LibreOffice (fixtures/, see make-fixtures.sh) and by the template generator, every
// bad input, the preview, the error workbook and all-or-nothing / valid-only into the cart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartItems, workplaces } from '../../db/schema/index.ts';
import { call } from '../../test/api-client.ts';
import { readUpload } from './upload-reader.ts';
import {
  createImportTestApp,
  createImportTestAppWithBlock,
  csv,
  rowsOf,
  rulesOf,
  upload,
  type ImportTestApp,
  type RowAnswer,
} from './testing.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

let w: ImportTestApp;

beforeAll(async () => {
  // 0228 1234-xxx: three-digit extensions in the default group.
  w = await createImportTestAppWithBlock();
});
afterAll(() => w.close());

const HEADER = [
  'Vorname',
  'Nachname',
  'Benutzername',
  'E-Mail zur Authentifizierung',
  'Mobilfunknummer (SMS)',
  'Rufnummer',
  'Interne Rufnummer',
];

async function cartCount(): Promise<number> {
  const res = await call(w.t.app, 'GET', '/api/v1/cart', { session: w.admin });
  return res.json().count;
}

describe('files written by LibreOffice (fixtures)', () => {
  it('reads numbers that lost their 0, date serials, stray spaces and any column order', async () => {
    const res = await upload(w, fixture('lo-values.xlsx'), 'lo-values.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const state = res.json();
    expect(state).toMatchObject({
      status: 'validated',
      format: 'xlsx',
      summary: { rows: 3, valid: 3 },
    });
    const rows = await rowsOf(w, state.id);
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [4, 'valid'],
    ]);
    const stored = readUpload(fixture('lo-values.xlsx'), { maxRows: 10 });
    // LibreOffice made numbers of them: 2281234401, 15112345678, 1067, a date serial.
    expect(stored.rows[1]!.cells.slice(3, 9)).toEqual([
      2281234401,
      401,
      'anna.alt@example.com',
      15112345678,
      1067,
      { kind: 'date', serial: 46402 },
    ]);
  });

  it('reads the same list as LibreOffice exports it to CSV, and English headers', async () => {
    const fromCsv = (await upload(w, fixture('lo-values.csv'), 'lo-values.csv')).json();
    expect(fromCsv).toMatchObject({ status: 'validated', format: 'csv', summary: { valid: 3 } });
    const english = (await upload(w, fixture('lo-english.xlsx'), 'lo-english.xlsx')).json();
    expect(english).toMatchObject({
      status: 'validated',
      summary: { rows: 2, valid: 1, warning: 1 },
    });
    const rows = await rowsOf(w, english.id);
    // "Authentifizierung ohne Mobilfunknummer" and "beschränkt" only warn (seed 001 notes).
    expect(rulesOf(rows[0])).toEqual(
      expect.arrayContaining([
        'withoutMobile:validation.workplace.without_mobile_advice',
        'nomadic:validation.workplace.nomadic_restricted_notes',
      ]),
    );
  });

  it('uses the cached values of formulas and never evaluates them', async () => {
    const state = (await upload(w, fixture('lo-formulas.xlsx'), 'lo-formulas.xlsx')).json();
    expect(state.summary).toMatchObject({ rows: 1, invalid: 0 });
    const [row] = await rowsOf(w, state.id);
    expect(row).toMatchObject({ username: 'lo.fritz', mainNumber: '0228 1234406' });
  });

  it("reads the template generator's workbook after LibreOffice saved it (example row skipped)", async () => {
    const state = (await upload(w, fixture('lo-template.xlsx'), 'lo-template.xlsx')).json();
    expect(state.summary).toEqual({ rows: 4, valid: 2, warning: 1, invalid: 0, skipped: 1 });
    const rows = await rowsOf(w, state.id);
    expect(rows[0]).toMatchObject({
      row: 2,
      status: 'skipped',
      issues: [{ rule: 'import.value.example_row' }],
    });
    expect(rows.slice(1).map((r) => r.name)).toEqual(['Tina Template', 'Udo Ulm', 'Vera Vogt']);
  });
});

describe('bad input: a clear message and nothing imported', () => {
  const problem = async (bytes: Buffer | string, name = 'x.xlsx') => {
    const res = await upload(w, bytes, name);
    expect(res.statusCode, res.body).toBe(201);
    const state = res.json();
    expect(state.status).toBe('failed');
    expect(state.canImportAll || state.canImportValid).toBe(false);
    return state.problem as { rule: string; message: string };
  };

  it.each([
    [
      'not a spreadsheet (PNG)',
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      'import.not_a_spreadsheet',
    ],
    [
      'not a spreadsheet (binary)',
      Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 8, 7]),
      'import.not_a_spreadsheet',
    ],
    ['password-protected', fixture('lo-password.xlsx'), 'import.password_protected'],
    ['the old .xls format', fixture('lo-legacy.xls'), 'import.legacy_xls'],
    ['corrupt (cut off)', fixture('lo-values.xlsx').subarray(0, 3000), 'import.corrupt'],
    ['an empty sheet', fixture('lo-empty.xlsx'), 'import.empty_sheet'],
    ['an empty file', Buffer.alloc(0), 'import.file_empty'],
  ])('%s', async (_name, bytes, rule) => {
    const p = await problem(bytes);
    expect(p.rule).toBe(rule);
    expect(p.message).not.toBe(rule);
  });

  it('a missing mandatory column names the column', async () => {
    const p = await problem(fixture('lo-missing-column.xlsx'));
    expect(p).toEqual({
      rule: 'import.missing_columns',
      message:
        'Pflichtspalten fehlen: Benutzername. Laden Sie die Vorlage herunter und übernehmen Sie deren Überschriften.',
    });
  });

  it('a zip bomb is refused from its directory, before anything is inflated', async () => {
    const p = await problem(zipBomb());
    expect(p.rule).toBe('import.zip_bomb');
  });

  it('headers only, no header row, a column twice', async () => {
    expect((await problem(csv(HEADER, []), 'x.csv')).rule).toBe('import.no_rows');
    expect((await problem('a;b\n1;2\n', 'x.csv')).rule).toBe('import.no_header');
    expect((await problem(csv([...HEADER, 'Vorname'], [['a']]), 'x.csv')).rule).toBe(
      'import.duplicate_column',
    );
  });

  it('too large or too many rows: the configured limits with clear messages', async () => {
    const small = await createImportTestApp({ IMPORT_MAX_BYTES: '2048', IMPORT_MAX_ROWS: '2' });
    try {
      const big = await upload(small, 'x'.repeat(4096), 'x.csv');
      expect(big.statusCode).toBe(413);
      expect(big.json().error.message).toBe(
        'Die Datei ist größer als 0 MB. Teilen Sie die Liste auf mehrere Dateien auf.',
      );
      const many = await upload(small, csv(HEADER, [['a'], ['b'], ['c']]), 'x.csv');
      expect(many.json().problem.message).toBe(
        'Die Liste enthält mehr als 2 Arbeitsplätze. Teilen Sie sie auf mehrere Dateien auf.',
      );
    } finally {
      await small.close();
    }
  });

  it('a formula without a stored value is an error of its cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Arbeitsplätze');
    sheet.addRow(HEADER);
    sheet.addRow([
      'Olga',
      'Ohne',
      { formula: 'LOWER(A2)' },
      'olga@example.com',
      '0151 12345674',
      '0228 1234420',
      '420',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const state = (await upload(w, bytes)).json();
    const [row] = await rowsOf(w, state.id);
    expect(row!.issues[0]).toMatchObject({
      column: 'username',
      cell: 'C2',
      rule: 'import.value.formula_without_value',
    });
  });
});

/** A ZIP whose directory declares a 3 GB entry (the data are a few bytes). */
function zipBomb(): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = Buffer.from([0x03, 0x00]);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(3_000_000_000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(3_000_000_000, 24);
  central.writeUInt16LE(name.length, 28);
  const dirOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('preview, error workbook and import into the cart', () => {
  const good = (n: number) => [
    `Gina${n}`,
    'Gut',
    `gina.gut${n}`,
    `gina${n}@example.com`,
    '0151 12345678',
    `0228 1234${500 + n}`,
    `${500 + n}`,
  ];

  it('every problem with column, cell, rule and hint; the error workbook marks the cells', async () => {
    const file = csv(HEADER, [
      good(1),
      ['Bernd', 'Bau', 'Bernd', 'bernd@example.com', '0151 12345678', '0228 1234502', '7712'],
      [...good(3).slice(0, 2), 'gina.gut1', ...good(3).slice(3)],
    ]);
    const state = (await upload(w, file, 'fehler.csv')).json();
    expect(state.summary).toMatchObject({ valid: 0, invalid: 3 });
    expect(state.canImportAll).toBe(false);
    expect(state.canImportValid).toBe(false);
    const rows = await rowsOf(w, state.id);
    expect(rulesOf(rows[1])).toEqual(
      expect.arrayContaining([
        'username:validation.workplace.username_uppercase',
        'internalNumber:validation.workplace.internal_number_77_78',
      ]),
    );
    const seventySeven = rows[1]!.issues.find((i) => i.column === 'internalNumber')!;
    expect(seventySeven.cell).toBe('G3');
    expect(seventySeven.hint).toContain('nicht mit 77 oder 78 beginnend');
    // The list's own rule: a username twice in the file.
    expect(rulesOf(rows[0])).toEqual(['username:import.value.duplicate_username']);
    expect(rows[0]!.issues[0]!.message).toContain('Zeile 4');

    const res = await call(w.t.app, 'GET', `${w.base}/imports/${state.id}/error-file`, {
      session: w.admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('fehler-fehler.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('H1').value).toBe('Fehler');
    expect(sheet.getCell('H3').text).toContain('Interne Rufnummer:');
    const bad = sheet.getCell('G3');
    expect(bad.value).toBe('7712');
    expect(bad.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(
      String(
        (bad.note as { texts: { text: string }[] }).texts?.map((t) => t.text).join('') ?? bad.note,
      ),
    ).toContain('77');
    expect(sheet.getCell('A2').fill).not.toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('all or nothing refuses a list with errors; "nur gültige Zeilen" imports the good ones', async () => {
    const before = await cartCount();
    const file = csv(
      [...HEADER, 'Aktivierungsdatum'],
      [
        [...good(11), '31.12.2030'],
        [...good(12), ''],
        ['Xaver', 'X', 'xa', 'x@example.com', '0151 12345678', '0228 1234513', '513', ''],
      ],
    );
    const state = (await upload(w, file, 'liste.csv')).json();
    expect(state).toMatchObject({
      summary: { valid: 2, invalid: 1 },
      canImportAll: false,
      canImportValid: true,
    });
    const all = await call(w.t.app, 'POST', `${w.base}/imports/${state.id}/commit`, {
      session: w.admin,
      body: { mode: 'all' },
    });
    expect(all.statusCode).toBe(400);
    expect(all.json().error.message).toContain(
      '1 Zeile(n) enthalten Fehler; es wurde nichts übernommen',
    );
    expect(await cartCount()).toBe(before);

    const valid = await call(w.t.app, 'POST', `${w.base}/imports/${state.id}/commit`, {
      session: w.admin,
      body: { mode: 'valid_only' },
    });
    expect(valid.statusCode, valid.body).toBe(201);
    const done = valid.json();
    expect(done.status).toBe('imported');
    expect(
      done.result.created.map((c: { username: string; activationDate: string | null }) => [
        c.username,
        c.activationDate,
      ]),
    ).toEqual([
      ['gina.gut11', '2030-12-31'],
      ['gina.gut12', null],
    ]);
    expect(done.result.notImported).toEqual([4]);
    const cart = (await call(w.t.app, 'GET', '/api/v1/cart', { session: w.admin })).json();
    expect(cart.count).toBe(before + 2);
    const item = cart.items.find(
      (i: { subjectId: string }) => i.subjectId === done.result.created[0].workplaceId,
    );
    expect(item).toMatchObject({
      type: 'workplace.activate',
      activationDate: '2030-12-31',
      description: 'Arbeitsplatz aktivieren: Gina11 Gut (gina.gut11)',
    });
    expect(item.monthlyCents).toBeGreaterThan(0);
    const again = await call(w.t.app, 'POST', `${w.base}/imports/${state.id}/commit`, {
      session: w.admin,
      body: { mode: 'valid_only' },
    });
    expect(again.json().error.message).toBe(
      'Diese Liste wurde bereits in den Warenkorb übernommen.',
    );
    // Now the usernames and numbers are taken: the same list again is refused row by row.
    const second = (await upload(w, file, 'liste.csv')).json();
    const rows = await rowsOf(w, second.id);
    expect(rulesOf(rows[0])).toEqual(
      expect.arrayContaining([
        'username:validation.workplace.username_taken',
        'mainNumber:validation.workplace.number_taken',
        'internalNumber:validation.workplace.internal_number_taken',
      ]),
    );
  });

  it("the quota counts the whole file: rows beyond it are refused with the wizard's message", async () => {
    const configured = (await w.t.ctx.database.db.select().from(workplaces)).length;
    const free = 25 - configured;
    const file = csv(
      HEADER,
      Array.from({ length: free + 2 }, (_, i) => good(30 + i)),
    );
    const state = (await upload(w, file, 'quota.csv')).json();
    expect(state.summary).toMatchObject({ valid: free, invalid: 2 });
    const rows = await rowsOf(w, state.id);
    expect(rulesOf(rows.at(-1))).toEqual(['null:validation.workplace.quota_exceeded']);
    expect(rows.at(-1)!.issues[0]!.message).toContain('Kontingent');
  });

  it('a value pasted down the list: each row names the first ten others', async () => {
    const file = csv(
      HEADER,
      Array.from({ length: 13 }, (_, i) => [...good(60 + i).slice(0, 6), '777']),
    );
    const rows = await rowsOf(w, (await upload(w, file, 'dup.csv')).json().id);
    const duplicate = (r: RowAnswer) =>
      r.issues.find((i) => i.rule === 'import.value.duplicate_internal_number')!.message;
    expect(duplicate(rows[0]!)).toContain('(Zeile 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …)');
    expect(duplicate(rows[12]!)).toContain('(Zeile 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …)');
  });

  it('English messages with Accept-Language: en', async () => {
    const state = (
      await upload(
        w,
        csv(HEADER, [['A', 'B', 'Ab', 'a@example.com', '', '0228 1234599', '599']]),
        'x.csv',
      )
    ).json();
    const res = await call(w.t.app, 'GET', `${w.base}/imports/${state.id}/rows`, {
      session: w.admin,
      headers: { 'accept-language': 'en' },
    });
    const issue = res
      .json()
      .items[0].issues.find((i: { column: string }) => i.column === 'username');
    expect(issue.columnHeader).toBe('Username');
    expect(issue.hint).toContain('At least 5 characters');
  });

  it('another user of the company does not see the import', async () => {
    const state = (await upload(w, csv(HEADER, [good(90)]), 'x.csv')).json();
    const res = await call(w.t.app, 'GET', `${w.base}/imports/${state.id}`, {
      session: w.operator,
    });
    expect(res.statusCode).toBe(404);
    const db = w.t.ctx.database.db;
    expect(
      (await db.select().from(cartItems).where(eq(cartItems.userId, w.operator.userId))).length,
    ).toBe(0);
  });
});
