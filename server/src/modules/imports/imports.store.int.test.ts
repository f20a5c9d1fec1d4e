// Where a list import lives (issue 9 point 5: "the user can leave the page and come back"): in the
// database, so that any app node sees it; kept a day, then swept. And what "Importieren" records
// in the audit log: one entry per workplace naming its numbers and its cart item.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, listImports } from '../../db/schema/index.ts';
import { call, login } from '../../test/api-client.ts';
import { ImportStore } from './imports.store.ts';
import { createImportTestAppWithBlock, csv, upload, type ImportTestApp } from './testing.ts';

let w: ImportTestApp;
const db = () => w.t.ctx.database.db;

beforeAll(async () => {
  w = await createImportTestAppWithBlock();
});
afterAll(() => w.close());

// English headers ("Uploads accept German and English headers").
const HEADER = [
  'First name',
  'Last name',
  'Username',
  'Authentication e-mail',
  'Without mobile number',
  'Number',
  'Internal number',
];

const list = (from: number, count: number) =>
  csv(
    HEADER,
    Array.from({ length: count }, (_, i) => [
      'Sina',
      `Store${from + i}`,
      `sina.store${from + i}`,
      `sina${from + i}@example.com`,
      'yes',
      `0228 1234${from + i}`,
      `${from + i}`,
    ]),
  );

describe('an import lives in the database', () => {
  it('another node (a store of its own on the same database) sees its state, rows and file', async () => {
    const state = (await upload(w, list(300, 2), 'zwei.csv')).json();
    expect(state.status).toBe('validated');
    const other = new ImportStore(w.t.ctx.database, w.t.clock);
    expect(await other.get(w.companyId, state.id)).toMatchObject({
      status: 'validated',
      summary: { rows: 2, warning: 2 },
    });
    expect((await other.rows(w.companyId, state.id)).map((r) => r.username)).toEqual([
      'sina.store300',
      'sina.store301',
    ]);
    expect((await other.upload(w.companyId, state.id)).toString('utf8')).toContain('sina.store301');
    const page = await other.page(w.companyId, state.id, {
      statuses: ['warning'],
      offset: 1,
      limit: 5,
    });
    expect(page).toMatchObject({ total: 2, rows: [{ r: 3 }] });
    // Company id is always part of the key: another company's id finds nothing.
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect(await other.get(stranger, state.id)).toBeNull();
  });
});

describe('"Importieren" where the check did not run (another node, a restart)', () => {
  it('reads the list again from the stored file and imports the same rows', async () => {
    const first = (await upload(w, list(330, 2), 'erste.csv')).json();
    // This process keeps the data of the list it checked last only: now the second one's.
    const second = (await upload(w, list(340, 1), 'zweite.csv')).json();
    expect(second.status).toBe('validated');
    const done = await call(w.t.app, 'POST', `${w.base}/imports/${first.id}/commit`, {
      session: w.admin,
      body: { mode: 'all' },
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(
      done
        .json()
        .result.created.map((c: { username: string; mainNumber: string }) => [
          c.username,
          c.mainNumber,
        ]),
    ).toEqual([
      ['sina.store330', '+492281234330'],
      ['sina.store331', '+492281234331'],
    ]);
  });
});

describe('the audit of "Importieren" (the same as the wizard\'s "Auftrag hinzufügen")', () => {
  it('one "created" entry per workplace names its numbers and its cart item', async () => {
    const state = (await upload(w, list(320, 2), 'audit.csv')).json();
    const done = await call(w.t.app, 'POST', `${w.base}/imports/${state.id}/commit`, {
      session: w.admin,
      body: { mode: 'all' },
    });
    expect(done.statusCode, done.body).toBe(201);
    const created: { workplaceId: string; cartItemId: string }[] = done.json().result.created;
    const entries = await db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.companyId, w.companyId),
          inArray(auditLog.entityId, [
            ...created.flatMap((c) => [c.workplaceId, c.cartItemId]),
            '+492281234320',
            '+492281234321',
          ]),
        ),
      );
    expect(entries.map((e) => [e.entity, e.action, e.actorUsername])).toEqual([
      ['workplace', 'created', 'demo-admin'],
      ['workplace', 'created', 'demo-admin'],
    ]);
    const first = entries.find((e) => e.entityId === created[0]!.workplaceId)!;
    expect(first.changes.after).toMatchObject({
      status: 'in_cart',
      username: 'sina.store320',
      mainNumber: '+492281234320',
      additionalNumbers: [],
      numberState: 'reserved',
      internalNumber: '320',
      cartItemId: created[0]!.cartItemId,
      activationDate: null,
    });
  });
});

describe('kept a day (runs last: it moves the clock)', () => {
  it('is kept a day: then it is gone for every reader, and the sweep job deletes it', async () => {
    const state = (await upload(w, list(310, 1), 'alt.csv')).json();
    const poll = (session = w.admin) =>
      call(w.t.app, 'GET', `${w.base}/imports/${state.id}`, { session });
    expect((await poll()).statusCode).toBe(200);
    w.t.clock.advance(24 * 3600_000 + 60_000);
    // The login session has ended by now too: a new one.
    const admin = await login(w.t.app, 'demo-admin');
    const gone = await poll(admin);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toBe(
      'Diesen Import gibt es nicht (mehr). Laden Sie die Liste erneut hoch.',
    );
    const mine = (await call(w.t.app, 'GET', `${w.base}/imports`, { session: admin })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(state.id);
    const stored = () =>
      db().select({ id: listImports.id }).from(listImports).where(eq(listImports.id, state.id));
    expect(await stored()).toHaveLength(1);
    // The sweep job of the upload's hour slot is due by now.
    w.t.clock.advance(3600_000);
    await w.t.ctx.jobs.drain();
    expect(await stored()).toHaveLength(0);
  });
});
