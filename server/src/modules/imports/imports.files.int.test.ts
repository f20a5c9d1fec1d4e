// The template generator, "the same code as the wizard" (a wizard-made and an imported workplace
// compared field by field), large lists as a job, and the export → import round trip.
import ExcelJS from 'exceljs';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  cartItems,
  numberAssignments,
  workplaceAddons,
  workplaceDevices,
  workplaces,
} from '../../db/schema/index.ts';
import { call, newCompanyBody, login } from '../../test/api-client.ts';
import {
  addBlock,
  api,
  completeDraft,
  fillDraft,
} from '../workplaces/testing/workplaces-fixture.ts';
import { commitImport } from './import-commit.service.ts';
import { uploadList } from './imports.service.ts';
import { readUpload } from './upload-reader.ts';
import {
  createImportTestAppWithBlock,
  csv,
  rowsOf,
  upload,
  type ImportTestApp,
} from './testing.ts';

let w: ImportTestApp;
const db = () => w.t.ctx.database.db;

beforeAll(async () => {
  // 0228 1234-xxx: three-digit extensions in the default group.
  w = await createImportTestAppWithBlock();
});
afterAll(() => w.close());

async function download(url: string, session = w.admin) {
  const res = await call(w.t.app, 'GET', `${w.base}${url}`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

describe('the template (issue 9 point 1)', () => {
  it('one sheet "Arbeitsplätze": mandatory columns yellow, hints as notes, drop-downs from the company, an example row', async () => {
    const res = await download('/imports/workplaces/template?format=xlsx');
    expect(res.headers['content-disposition']).toContain('arbeitsplaetze-vorlage.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const visible = workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name);
    expect(visible).toEqual(['Arbeitsplätze']);
    const sheet = workbook.getWorksheet('Arbeitsplätze')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('Benutzername *');
    expect(headers).toContain('Endgerät 6');
    const column = (name: string) => headers.indexOf(name) + 1;
    const username = sheet.getCell(1, column('Benutzername *'));
    expect(username.fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    expect(sheet.getCell(1, column('Bereich')).fill).not.toMatchObject({
      fgColor: { argb: 'FFFFFF00' },
    });
    const note = username.note as { texts: { text: string }[] } | string;
    const noteText = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(noteText).toContain('Mindestens 5 Zeichen');
    // Drop-downs reference the hidden list sheet with the company's real data.
    const lists = workbook.worksheets.find((s) => s.state === 'hidden')!;
    const listed = (header: string) =>
      (
        lists.getColumn((lists.getRow(1).values as string[]).indexOf(header)).values as string[]
      ).slice(2);
    expect(listed('groups')).toEqual(['Bonn, Musterstraße 1']);
    expect(listed('profiles')).toEqual(['Systemsperrprofil']);
    expect(listed('devices')).toContain('Yealink T46U');
    expect(listed('addons')).toEqual(expect.arrayContaining(['Konferenz', 'Assistenzfunktion']));
    expect(listed('addons')).not.toContain('CTI & TAPI');
    const model = (
      sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    const groupLetter = sheet.getColumn(column('Gruppe/Standort')).letter;
    // exceljs reads the range back cell by cell: the first and the last row of the list.
    expect(model[`${groupLetter}2`]?.formulae[0]).toBe("'Listen'!$B$2:$B$2");
    expect(model[`${groupLetter}20001`]?.formulae[0]).toBe("'Listen'!$B$2:$B$2");
    // The example row: the company's default group and its first free number.
    const example = sheet.getRow(2);
    expect(example.getCell(column('Gruppe/Standort')).value).toBe('Bonn, Musterstraße 1');
    expect(example.getCell(column('Rufnummer *')).value).toBe('0228 1234-000');
  });

  it('the template uploaded unchanged: the example row is skipped, nothing to import', async () => {
    const res = await download('/imports/workplaces/template?format=xlsx');
    const state = (await upload(w, res.rawPayload, 'vorlage.xlsx')).json();
    expect(state.summary).toEqual({ rows: 1, valid: 0, warning: 0, invalid: 0, skipped: 1 });
    expect(state.canImportValid).toBe(false);
  });

  it('the CSV template: the same headers, UTF-8 with BOM, semicolons; English on request', async () => {
    const res = await download('/imports/workplaces/template?format=csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toMatch(
      /^Mustervorlage;Gruppe\/Standort;Bereich;Zeitzone;Anrede;Vorname \*;/,
    );
    const en = await call(w.t.app, 'GET', `${w.base}/imports/workplaces/template?format=csv`, {
      session: w.admin,
      headers: { 'accept-language': 'en' },
    });
    expect(en.rawPayload.toString('utf8')).toContain('First name *;Last name *');
    const parsed = readUpload(res.rawPayload, { maxRows: 5 });
    expect(parsed.rows).toHaveLength(2);
  });
});

describe('exactly the wizard: a workplace from the wizard and one from the list are the same', () => {
  it('same columns, devices, add-ons, reservations, cart item and audit entries', async () => {
    // The wizard (seed 001), n = 1.
    const draftId = await fillDraft(w, w.admin, completeDraft(w, 1));
    const added = await api(w, w.admin, 'POST', `/workplace-drafts/${draftId}/cart`);
    expect(added.statusCode, added.body).toBe(201);
    const wizardId: string = added.json().workplaceId;
    // The list, n = 2, with the same settings.
    const file = csv(
      [
        'Anrede',
        'Vorname',
        'Nachname',
        'E-Mail',
        'Ort',
        'Benutzername',
        'E-Mail zur Authentifizierung',
        'Mobilfunknummer (SMS)',
        'Rufnummer',
        'Interne Rufnummer',
        'Nomadische Nutzung',
        'Zeitzone',
        'Endgerät 1',
        'Endgerät 2',
        'Zusatz-Pakete',
      ],
      [
        [
          'Herr',
          'Max',
          'Mustermann 2',
          'max2@muster-handels.example',
          'Bonn',
          'max.muster2',
          'max2@muster-handels.example',
          '0151 12345678',
          '0228 1234202',
          '202',
          'erlaubt',
          'Europe/Berlin',
          'Yealink T46U',
          'Desktop-Client: Vollversion',
          'Konferenz',
        ],
      ],
    );
    const state = (await upload(w, file, 'one.csv')).json();
    expect(state.summary, JSON.stringify(await rowsOf(w, state.id))).toMatchObject({ valid: 1 });
    const done = await call(w.t.app, 'POST', `${w.base}/imports/${state.id}/commit`, {
      session: w.admin,
      body: { mode: 'all' },
    });
    expect(done.statusCode, done.body).toBe(201);
    const importId: string = done.json().result.created[0].workplaceId;

    const [a, b] = await Promise.all([wizardId, importId].map((id) => snapshot(id)));
    expect(b).toEqual(a);
  });
});

const PER_ROW = new Set([
  'id',
  'firstName',
  'lastName',
  'email',
  'username',
  'authEmail',
  'mainNumber',
  'internalNumber',
  'createdAt',
  'updatedAt',
  'templateId',
]);

/** Everything "Auftrag hinzufügen" wrote for a workplace, without what differs per person. */
async function snapshot(id: string) {
  const [row] = await db().select().from(workplaces).where(eq(workplaces.id, id));
  const devices = await db()
    .select()
    .from(workplaceDevices)
    .where(eq(workplaceDevices.workplaceId, id))
    .orderBy(asc(workplaceDevices.position));
  const addons = await db()
    .select()
    .from(workplaceAddons)
    .where(eq(workplaceAddons.workplaceId, id));
  const numbers = await db()
    .select()
    .from(numberAssignments)
    .where(eq(numberAssignments.targetId, id));
  const [item] = await db().select().from(cartItems).where(eq(cartItems.subjectId, id));
  const audits = await db()
    .select()
    .from(auditLog)
    .where(inArray(auditLog.entityId, [id, item!.id, ...numbers.map((n) => n.e164)]));
  const name = `${row!.firstName} ${row!.lastName} (${row!.username})`;
  return {
    workplace: Object.fromEntries(Object.entries(row!).filter(([k]) => !PER_ROW.has(k))),
    devices: devices.map((d) => [d.deviceModelId, d.position, d.macAddress, d.sipUsername]),
    addons: addons.map((x) => [x.productKey, x.status, x.activeFrom]),
    numbers: numbers.map((n) => [
      n.state,
      n.targetType,
      n.targetLabel === name,
      n.digits,
      n.releasedAt,
    ]),
    item: {
      type: item!.type,
      description: item!.descriptionDe === `Arbeitsplatz aktivieren: ${name}`,
      descriptionEn: item!.descriptionEn === `Activate workplace: ${name}`,
      activationDate: item!.activationDate,
      earliestDate: item!.earliestDate,
      lines: item!.priceLines,
      payloadKeys: Object.keys(item!.payload).sort(),
      payloadWorkplace: item!.payload.workplaceId === id,
      draftIdIsUuidOrNull:
        item!.payload.draftId === null || typeof item!.payload.draftId === 'string',
    },
    audits: audits
      .map((x) => [
        x.entity,
        x.action,
        x.actorUsername,
        Object.keys(x.changes.after as object)
          .sort()
          .join(','),
      ])
      .sort((p, q) => String(p).localeCompare(String(q))),
  };
}

describe('large lists as a job with progress', () => {
  it('check and import run as jobs; the status can be polled', async () => {
    const deps = { ...w.t.ctx, syncBytes: 0, syncRows: 0 };
    const header = [
      'Vorname',
      'Nachname',
      'Benutzername',
      'E-Mail zur Authentifizierung',
      'Ohne Mobilfunknummer',
      'Rufnummer',
      'Interne Rufnummer',
    ];
    const rows = Array.from({ length: 5 }, (_, i) => [
      'Jo',
      `Job${i}`,
      `jo.job${i}`,
      `jo${i}@example.com`,
      'ja',
      `0228 1234${700 + i}`,
      `${700 + i}`,
    ]);
    const queued = await uploadList(
      deps,
      { companyId: w.companyId, userId: w.admin.userId, sessionId: null },
      { name: 'gross.csv', bytes: Buffer.from(csv(header, rows)) },
      'de',
    );
    expect(queued.status).toBe('queued');
    const poll = async () =>
      (await call(w.t.app, 'GET', `${w.base}/imports/${queued.id}`, { session: w.admin })).json();
    expect((await poll()).status).toBe('queued');
    // The user may leave: the list of own imports finds it again.
    const mine = (await call(w.t.app, 'GET', `${w.base}/imports`, { session: w.admin })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(queued.id);
    await w.t.ctx.jobs.drain();
    expect(await poll()).toMatchObject({
      status: 'validated',
      progress: { done: 5, total: 5 },
      summary: { warning: 5 },
    });

    const me = await call(w.t.app, 'GET', '/api/v1/auth/me', { session: w.admin });
    const sessionId = me.json().session?.id ?? (await sessionIdOf());
    const importing = await commitImport(
      deps,
      { userId: w.admin.userId, username: 'demo-admin', role: 'admin' },
      { companyId: w.companyId, userId: w.admin.userId, sessionId },
      queued.id,
      'all',
    );
    expect(importing.status).toBe('importing');
    await w.t.ctx.jobs.drain();
    const done = await poll();
    expect(done).toMatchObject({ status: 'imported', progress: { done: 5, total: 5 } });
    expect(done.result.created).toHaveLength(5);
    const inCart = await db()
      .select()
      .from(cartItems)
      .where(and(eq(cartItems.sessionId, sessionId), eq(cartItems.type, 'workplace.activate')));
    expect(inCart.length).toBeGreaterThanOrEqual(5);
  });
});

/** The admin's session id (the cart belongs to it). */
async function sessionIdOf(): Promise<string> {
  const rows = await db()
    .select({ sessionId: cartItems.sessionId })
    .from(cartItems)
    .where(eq(cartItems.userId, w.admin.userId));
  return rows[0]!.sessionId;
}

describe('export → import into another company', () => {
  it('the exported list sets the same workplaces up in another company', async () => {
    const header = [
      'Vorname',
      'Nachname',
      'Benutzername',
      'E-Mail zur Authentifizierung',
      'Ohne Mobilfunknummer',
      'Mobilfunknummer (SMS)',
      'Rufnummer',
      'Interne Rufnummer',
      'Nomadische Nutzung',
      'Endgerät 1',
      'MAC-Adresse 1',
      'Zusatz-Pakete',
      'PLZ',
    ];
    const rows = [
      [
        'Rita',
        'Rund',
        'rita.rund',
        'rita@example.com',
        'ja',
        '',
        '0228 1234801',
        '801',
        'beschränkt',
        'Yealink T46U',
        '00:15:65:00:00:01',
        'Konferenz',
        '01067',
      ],
      [
        'Sven',
        'Senf',
        'sven.senf',
        'sven@example.com',
        'nein',
        '0151 12345679',
        '0228 1234802',
        '802',
        'erlaubt',
        'Desktop-Client: Vollversion',
        '',
        '',
        '53113',
      ],
    ];
    const operator = await login(w.t.app, 'operator');
    const imported = (await upload(w, csv(header, rows), 'a.csv', { session: operator })).json();
    const committed = await call(w.t.app, 'POST', `${w.base}/imports/${imported.id}/commit`, {
      session: operator,
      body: { mode: 'all' },
    });
    expect(committed.statusCode, committed.body).toBe(201);
    const before = await describeWorkplaces(w.companyId, ['rita.rund', 'sven.senf']);

    const exported = await download('/imports/workplaces/export?format=xlsx', operator);
    expect(exported.headers['content-disposition']).toContain('arbeitsplaetze.xlsx');
    const sheet = readUpload(exported.rawPayload, { maxRows: 100 });
    expect(sheet.rows.length).toBeGreaterThan(2);

    // The workplaces leave company A (the operator's cart is discarded at logout), the block moves.
    await call(w.t.app, 'POST', '/api/v1/auth/logout', { session: operator });
    const blocks = (
      await call(w.t.app, 'GET', `${w.base}/number-blocks`, { session: w.operator })
    ).json().items;
    const companyB = await call(w.t.app, 'POST', '/api/v1/companies', {
      session: w.operator,
      body: newCompanyBody('IMP2'),
    });
    expect(companyB.statusCode, companyB.body).toBe(201);
    const bId: string = companyB.json().company.id;
    const bBase = `/api/v1/companies/${bId}`;
    // B has the same structure: a group of the same name as A's default group.
    const group = await call(w.t.app, 'POST', `${bBase}/groups`, {
      session: w.operator,
      body: {
        name: 'Bonn, Musterstraße 1',
        shortCode: 'BN',
        street: 'Musterstraße 1',
        postalCode: '53113',
        city: 'Bonn',
      },
    });
    expect(group.statusCode, group.body).toBe(201);
    // B gets its own block 0221 5555 (the numbers are the company's), so the list's numbers change.
    await addBlock(w, { number: '0221 5555', extensionLength: 3, groupId: group.json().id }, bBase);
    void blocks;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Arbeitsplätze')!;
    const heads = (ws.getRow(1).values as string[]).map((h) => String(h ?? ''));
    const numberColumn = heads.indexOf('Rufnummer *');
    const userColumn = heads.indexOf('Benutzername *');
    const keep = new Set(['rita.rund', 'sven.senf']);
    for (let r = ws.rowCount; r >= 2; r--) {
      if (!keep.has(ws.getCell(r, userColumn).text)) {
        ws.spliceRows(r, 1);
      } else {
        ws.getCell(r, numberColumn).value = ws
          .getCell(r, numberColumn)
          .text.replace('0228 1234', '0221 5555');
      }
    }
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const operator2 = await login(w.t.app, 'operator');
    const res = await call(w.t.app, 'POST', `${bBase}/imports/workplaces?fileName=export.xlsx`, {
      session: operator2,
      body: edited,
      headers: { 'content-type': 'application/octet-stream' },
    });
    const state = res.json();
    const checked = await call(w.t.app, 'GET', `${bBase}/imports/${state.id}/rows`, {
      session: operator2,
    });
    expect(state.summary, checked.body).toMatchObject({ rows: 2, invalid: 0 });
    const done = await call(w.t.app, 'POST', `${bBase}/imports/${state.id}/commit`, {
      session: operator2,
      body: { mode: 'all' },
    });
    expect(done.statusCode, done.body).toBe(201);
    const after = await describeWorkplaces(bId, ['rita.rund', 'sven.senf']);
    expect(after).toEqual(
      before.map((x) => ({ ...x, mainNumber: x.mainNumber.replace('+492281234', '+492215555') })),
    );
  });
});

async function describeWorkplaces(companyId: string, usernames: string[]) {
  const rows = await db()
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.companyId, companyId), inArray(workplaces.username, usernames)))
    .orderBy(asc(workplaces.username));
  const out = [];
  for (const r of rows) {
    const devices = await db()
      .select()
      .from(workplaceDevices)
      .where(eq(workplaceDevices.workplaceId, r.id));
    const addons = await db()
      .select()
      .from(workplaceAddons)
      .where(eq(workplaceAddons.workplaceId, r.id));
    out.push({
      username: r.username,
      name: `${r.firstName} ${r.lastName}`,
      authEmail: r.authEmail,
      authMobile: r.authMobile,
      passwordDelivery: r.passwordDelivery,
      mainNumber: r.mainNumber,
      internalNumber: r.internalNumber,
      nomadic: r.nomadic,
      postalCode: r.postalCode,
      timeZone: r.timeZone,
      devices: devices.map((d) => [d.deviceModelId, d.macAddress]),
      addons: addons.map((a) => a.productKey),
    });
  }
  return out;
}
