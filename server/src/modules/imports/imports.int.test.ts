import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBlock } from '../workplaces/testing/workplaces-fixture.ts';
import { createImportTestApp, csv, rowsOf, rulesOf, upload, type ImportTestApp } from './testing.ts';

let w: ImportTestApp;

beforeAll(async () => {
  w = await createImportTestApp();
  await addBlock(w, { number: '0228 1234', extensionLength: 3 });
});
afterAll(() => w.close());

const HEADER = ['Vorname', 'Nachname', 'Benutzername', 'E-Mail zur Authentifizierung', 'Mobilfunknummer (SMS)', 'Rufnummer', 'Interne Rufnummer'];

describe('upload → preview (seed 001 "3. Einrichtung durch Listenimport")', () => {
  it('checks a CSV list row by row with the wizard rules', async () => {
    const file = csv(HEADER, [
      ['Anna', 'Alt', 'anna.alt', 'anna@example.com', '0151 1111111', '0228 1234301', '301'],
      ['Bernd', 'Bau', 'Bernd', 'bernd@example.com', '', '0228 1234302', '7712'],
    ]);
    const res = await upload(w, file, 'liste.csv');
    expect(res.statusCode, res.body).toBe(201);
    const state = res.json();
    console.log(JSON.stringify((await rowsOf(w, state.id))[0]));
    expect(state).toMatchObject({ status: 'validated', format: 'csv', summary: { rows: 2, valid: 1, invalid: 1 } });
    const rows = await rowsOf(w, state.id);
    expect(rows[0]!.status).toBe('valid');
    expect(rulesOf(rows[1])).toEqual(expect.arrayContaining(['username:validation.workplace.username_uppercase', 'internalNumber:validation.workplace.internal_number_77_78']));
    console.log(JSON.stringify(rows[1], null, 1));
  });
});
