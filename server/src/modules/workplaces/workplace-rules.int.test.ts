// The rules of seed 001 that need the database, table-driven through the API ("Weiter" of a
// section), each case naming the sentence it checks; then the rules of set-up workplaces.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import { companyProducts, numberAssignments, users } from '../../db/schema/index.ts';
import type { Session } from '../../test/api-client.ts';
import {
  activeWorkplace,
  addBlock,
  api,
  completeDraft,
  createWorkplacesTestApp,
  login,
  orderCart,
  type WorkplacesTestApp,
} from './testing/workplaces-fixture.ts';

let w: WorkplacesTestApp;
let admin: Session;
let first: string;
let cologne: string;

beforeAll(async () => {
  w = await createWorkplacesTestApp();
  await addBlock(w, { number: '0228 1234', extensionLength: 3 });
  admin = await login(w.t.app, 'demo-admin');
  const group = await api(w, admin, 'POST', '/groups', {
    name: 'Niederlassung Köln',
    shortCode: 'K',
    street: 'Domplatz 1',
    postalCode: '50667',
    city: 'Köln',
  });
  cologne = group.json().id;
  await addBlock(w, { number: '0221 5555', extensionLength: 2, groupId: cologne });
  first = await activeWorkplace(w, admin, completeDraft(w, 1));
});
afterAll(() => w.t.close());

interface Case {
  seed: string;
  section: keyof DraftData;
  /** Sections saved before (without "Weiter"), e.g. the mobile mode for the number rules. */
  before?: DraftData;
  value: () => unknown;
  errors: [field: string, rule: string][];
  warnings?: string[];
}

const device = (key: string) => ({ deviceModelId: w.devices.get(key)!, macAddress: null });

const CASES: Case[] = [
  {
    seed: 'issue 7: the username is unique — another workplace has it',
    section: 'login',
    value: () => ({ ...completeDraft(w, 9).login, username: 'max.muster1' }),
    errors: [['login.username', 'validation.workplace.username_taken']],
  },
  {
    seed: 'usernames are logins ("für die Anmeldung in MyPortal … benötigt"): an account has it',
    section: 'login',
    value: () => ({ ...completeDraft(w, 9).login, username: 'operator' }),
    errors: [['login.username', 'validation.workplace.username_taken']],
  },
  {
    seed: 'issue 7: internal numbers are unique in the company',
    section: 'number',
    value: () => ({ mainNumber: '0228 1234299', internalNumber: '201' }),
    errors: [['number.internalNumber', 'validation.workplace.internal_number_taken']],
  },
  {
    seed: '"Wählen Sie aus den verfügbaren Rufnummernbereichen Ihrer Gruppe/Ihres Standorts eine Rufnummer aus."',
    section: 'number',
    value: () => ({ mainNumber: '0221 555510', internalNumber: '510' }),
    errors: [['number.mainNumber', 'validation.workplace.number_not_in_group']],
  },
  {
    seed: 'the number of the same group is fine when the group is chosen',
    section: 'number',
    before: { group: { groupId: 'COLOGNE' } },
    value: () => ({ mainNumber: '0221 555510', internalNumber: '510' }),
    errors: [],
  },
  {
    seed: '"eine der noch verfügbaren Rufnummern": a number another workplace holds',
    section: 'number',
    value: () => ({ mainNumber: '0228 1234201', internalNumber: '299' }),
    errors: [['number.mainNumber', 'validation.workplace.number_taken']],
  },
  {
    seed: '"Sie können dem Arbeitsplatz eine Rufnummer aus dem … Nummernraum zuweisen": not the plan',
    section: 'number',
    value: () => ({ mainNumber: '089 99999999', internalNumber: '299' }),
    errors: [['number.mainNumber', 'validation.workplace.number_not_in_company']],
  },
  {
    seed: '"Bitte beachten Sie, dass Sie keine internen Rufnummer beginnend mit den Ziffern 77 oder 78 verwenden"',
    section: 'number',
    value: () => ({ mainNumber: '0228 1234299', internalNumber: '7712' }),
    errors: [['number.internalNumber', 'validation.workplace.internal_number_77_78']],
  },
  {
    seed: 'MagentaEINS: "Keine Verwendung von zweistelligen internen Rufnummern"',
    section: 'number',
    before: { mobile: { mode: 'integration', mobileNumber: '0151 12345678' } },
    value: () => ({ mainNumber: '0228 1234299', internalNumber: '29' }),
    errors: [
      ['number.internalNumber', 'validation.workplace.internal_number_two_digits_integration'],
    ],
  },
  {
    seed: '"Arbeitsplätzen können bis zu 6 Endgeräte zugewiesen werden." — six',
    section: 'devices',
    value: () => ({ devices: Array.from({ length: 6 }, () => device('yealink-t46u')) }),
    errors: [],
  },
  {
    seed: '"Arbeitsplätzen können bis zu 6 Endgeräte zugewiesen werden." — seven',
    section: 'devices',
    value: () => ({ devices: Array.from({ length: 7 }, () => device('yealink-t46u')) }),
    errors: [['devices.devices', 'validation.workplace.too_many_devices']],
  },
  {
    seed: '"Profile für gebuchte Zusatz-Pakete (Leiter, Assistent, Agent)": Leiter without Assistenz',
    section: 'devices',
    value: () => ({ devices: [device('telekom-profile-manager')] }),
    errors: [['devices.devices.0.deviceModelId', 'validation.workplace.device_needs_addon']],
  },
  {
    seed: '"Sie müssen zuerst das Zusatz-Paket Call Analytics Service Basic für Ihr Unternehmen buchen"',
    section: 'addons',
    value: () => ({ addons: ['call_analytics'] }),
    errors: [['addons.addons.0', 'validation.addon.requires_company_product']],
  },
  {
    seed: '"muss das Paket mindestens für zwei Arbeitsplätze gebucht werden" — a warning for the first',
    section: 'addons',
    value: () => ({ addons: ['assistant'] }),
    errors: [],
    warnings: ['validation.addon.min_workplaces'],
  },
  {
    seed: 'Zusatz-Paket CTI & TAPI: booked in its own step, not with others',
    section: 'addons',
    value: () => ({ addons: ['cti_tapi', 'conference'] }),
    errors: [['addons.addons.0', 'validation.addon.own_step']],
  },
  {
    seed: '"Jeder Arbeitsplatz muss einer Gruppe/einem Standort zugeordnet sein": a group of the company',
    section: 'group',
    value: () => ({ groupId: '00000000-0000-4000-8000-000000000000' }),
    errors: [['group.groupId', 'validation.workplace.group_unknown']],
  },
];

describe('"Weiter" with the database rules (seed 001)', () => {
  it.each(CASES.map((c) => [c.seed, c] as const))('%s', async (_seed, c) => {
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    for (const [section, value] of Object.entries(c.before ?? {})) {
      const v = JSON.parse(JSON.stringify(value).replace('COLOGNE', cologne));
      await api(w, admin, 'PUT', `/workplace-drafts/${draft}/sections/${section}`, v);
    }
    const res = await api(
      w,
      admin,
      'PUT',
      `/workplace-drafts/${draft}/sections/${c.section}?validate=true`,
      c.value(),
    );
    if (c.errors.length === 0) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().warnings.map((x: { rule: string }) => x.rule)).toEqual(
        expect.arrayContaining(c.warnings ?? []),
      );
    } else {
      expect(res.statusCode, res.body).toBe(400);
      const details = res
        .json()
        .error.details.map((d: { field: string; rule: string }) => [d.field, d.rule]);
      expect(details).toEqual(expect.arrayContaining(c.errors));
      expect(
        res.json().error.details.every((d: { message: string }) => d.message.length > 10),
      ).toBe(true);
      // Saved anyway: nothing entered is lost.
      const saved = (await api(w, admin, 'GET', `/workplace-drafts/${draft}`)).json();
      expect(saved.data[c.section]).toBeDefined();
      expect(saved.completed).not.toContain(c.section);
    }
    await api(w, admin, 'DELETE', `/workplace-drafts/${draft}`);
  });

  it('Call Analytics per workplace is fine once the company has Call Analytics Service Basic', async () => {
    const now = w.t.clock.now();
    await w.t.ctx.database.db.insert(companyProducts).values({
      companyId: w.companyId,
      productKey: 'call_analytics_basic',
      status: 'active',
      activeFrom: '2026-01-01',
      createdAt: now,
      updatedAt: now,
    });
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    const res = await api(
      w,
      admin,
      'PUT',
      `/workplace-drafts/${draft}/sections/addons?validate=true`,
      {
        addons: ['call_analytics'],
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    await api(w, admin, 'DELETE', `/workplace-drafts/${draft}`);
  });

  it('the English messages with Accept-Language: en', async () => {
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    const res = await api(
      w,
      admin,
      'PUT',
      `/workplace-drafts/${draft}/sections/number?validate=true`,
      { mainNumber: '0228 1234201', internalNumber: '7712' },
      { 'accept-language': 'en' },
    );
    expect(
      res
        .json()
        .error.details.map((d: { message: string }) => d.message)
        .join(' '),
    ).toMatch(/already taken/);
  });
});

describe('the quota (issue 7: "beyond it the wizard refuses with a clear message")', () => {
  it('refuses "Auftrag hinzufügen" beyond the contract quota, counting the cart', async () => {
    const patch = await api(w, w.operator, 'PATCH', `/api/v1/companies/${w.companyId}/contract`, {
      workplaceQuota: 1,
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    for (const [section, value] of Object.entries(completeDraft(w, 5))) {
      await api(w, admin, 'PUT', `/workplace-drafts/${draft}/sections/${section}`, value);
    }
    const res = await api(w, admin, 'POST', `/workplace-drafts/${draft}/cart`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'quota_exceeded',
      details: [{ field: 'workplace', rule: 'validation.workplace.quota_exceeded' }],
    });
    expect(res.json().error.message).toContain('1 von 1');
    await api(w, w.operator, 'PATCH', `/api/v1/companies/${w.companyId}/contract`, {
      workplaceQuota: 25,
    });
    expect((await api(w, admin, 'POST', `/workplace-drafts/${draft}/cart`)).statusCode).toBe(201);
    await api(w, admin, 'DELETE', `/workplace-drafts/${draft}`);
  });
});

describe('after activation (seed 001 "Arbeitsplatz anzeigen / bearbeiten")', () => {
  const patch = (section: string, body: unknown, session = admin) =>
    api(w, session, 'PATCH', `/workplaces/${first}/sections/${section}`, body);

  it('"Wenn Sie bereits aktivierte Arbeitsplätze einer anderen Gruppe zuordnen wollen, müssen Sie die Arbeitsplätze löschen und neu einrichten."', async () => {
    const res = await patch('group', { groupId: cologne });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'group_fixed',
      details: [{ field: 'group.groupId', rule: 'validation.workplace.group_fixed' }],
    });
    expect(
      (await patch('group', { groupId: w.defaultGroupId, timeZone: 'Europe/Berlin' })).statusCode,
    ).toBe(200);
  });

  it('"Der Benutzername kann nach der Einrichtung des Arbeitsplatzes nicht mehr verändert werden."', async () => {
    const res = await patch('login', { username: 'max.anders' });
    expect(res.json().error.code).toBe('username_fixed');
    const ok = await patch('login', {
      authEmail: 'neu@muster-handels.example',
      authEmailConfirm: 'neu@muster-handels.example',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().login).toMatchObject({
      username: 'max.muster1',
      authEmail: 'neu@muster-handels.example',
    });
    const mismatch = await patch('login', {
      authEmail: 'x@muster-handels.example',
      authEmailConfirm: 'y@muster-handels.example',
    });
    expect(mismatch.json().error.details[0].rule).toBe('validation.workplace.auth_email_mismatch');
  });

  it('free changes apply at once and are audited: user data, internal number, number, devices', async () => {
    expect((await patch('user', { firstName: 'Moritz' })).json().user.firstName).toBe('Moritz');
    const renumbered = await patch('number', { mainNumber: '0228 1234250', internalNumber: '250' });
    expect(renumbered.statusCode, renumbered.body).toBe(200);
    const held = await w.t.ctx.database.db
      .select()
      .from(numberAssignments)
      .where(eq(numberAssignments.targetId, first));
    expect(held.filter((a) => !a.releasedAt).map((a) => [a.e164, a.state])).toEqual([
      ['+492281234250', 'assigned'],
    ]);
    const before = (await api(w, admin, 'GET', `/workplaces/${first}`)).json().devices;
    const devices = await patch('devices', {
      devices: [{ id: before[0].id, deviceModelId: before[0].deviceModelId }, device('snom-d735')],
    });
    expect(devices.statusCode, devices.body).toBe(200);
    expect(
      devices
        .json()
        .devices.map((d: { name: string; hasCredentials: boolean }) => [d.name, d.hasCredentials]),
    ).toEqual([
      ['T46U', true],
      ['D735', true],
    ]);
    const audit = (await api(w, admin, 'GET', '/audit-log?entity=workplace')).json();
    expect(JSON.stringify(audit)).toContain('user_changed');
    expect((await patch('addons', { addons: ['assistant'] })).json().error.code).toBe(
      'addons_via_cart',
    );
  });

  it('deactivation keeps the base data and locks the login; reactivation undoes it', async () => {
    const off = await api(w, admin, 'POST', `/workplaces/${first}/deactivate`);
    expect(off.json()).toMatchObject({ status: 'deactivated', login: { username: 'max.muster1' } });
    const [user] = await w.t.ctx.database.db
      .select()
      .from(users)
      .where(eq(users.username, 'max.muster1'));
    expect(user!.disabledAt).not.toBeNull();
    expect((await api(w, admin, 'POST', `/workplaces/${first}/reactivate`)).json().status).toBe(
      'active',
    );
  });

  it('"Konferenz buchen": the package is switched through the cart', async () => {
    const same = await api(w, admin, 'POST', `/workplaces/${first}/conference`, {
      productKey: 'conference',
    });
    expect(same.json().error.code).toBe('conference_unchanged');
    const res = await api(w, admin, 'POST', `/workplaces/${first}/conference`, {
      productKey: 'conference_plus',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().cartItem).toMatchObject({
      type: 'conference.change',
      lines: [{ productKey: 'conference_plus', unitMonthlyCents: 500 }],
    });
    await orderCart(w, admin);
    const detail = (await api(w, admin, 'GET', `/workplaces/${first}`)).json();
    expect(
      detail.addons.map((a: { productKey: string; status: string }) => [a.productKey, a.status]),
    ).toEqual([
      ['conference', 'ended'],
      ['conference_plus', 'active'],
    ]);
  });

  it('add-ons go through the cart; a cancellation waits for the end of the minimum term', async () => {
    const book = await api(w, admin, 'POST', `/workplaces/${first}/addons`, {
      add: ['assistant'],
      remove: ['conference_plus'],
    });
    expect(book.statusCode, book.body).toBe(201);
    const [add, cancel] = book.json().cartItems;
    expect(add).toMatchObject({ type: 'addon.book', lines: [{ productKey: 'assistant' }] });
    expect(cancel).toMatchObject({ type: 'addon.cancel', earliestDate: '2026-01-31' });
    await orderCart(w, admin);
    const detail = (await api(w, admin, 'GET', `/workplaces/${first}`)).json();
    expect(
      detail.addons.map((a: { productKey: string; status: string }) => [a.productKey, a.status]),
    ).toEqual([
      ['assistant', 'active'],
      ['conference', 'ended'],
      ['conference_plus', 'cancel_ordered'],
    ]);
    expect(detail.pendingItems.map((p: { type: string }) => p.type)).toEqual(['addon.cancel']);
  });

  it('"Arbeitsplätze erst nach Ablauf der 30-tägigen Mindestvertragslaufzeit gelöscht werden können"', async () => {
    const early = await api(w, admin, 'POST', `/workplaces/${first}/delete`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: 'delete_before_term',
      details: [{ rule: 'validation.workplace.delete_before_term' }],
    });
    expect(early.json().error.message).toContain('31.01.2026');
    expect(early.json().error.details[0].params).toEqual({ date: '2026-01-31' });
    const planned = await api(w, admin, 'POST', `/workplaces/${first}/delete`, {
      activationDate: '2026-01-31',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    await orderCart(w, admin);
    expect((await api(w, admin, 'GET', `/workplaces/${first}`)).json().status).toBe('active');

    w.t.clock.set('2026-01-31T06:00:00Z');
    await w.t.ctx.jobs.drain();
    admin = await login(w.t.app, 'demo-admin');
    const gone = (await api(w, admin, 'GET', `/workplaces/${first}`)).json();
    expect(gone).toMatchObject({
      status: 'deleted',
      devices: [{ hasCredentials: false }, { hasCredentials: false }],
    });
    expect(gone.addons.every((a: { status: string }) => a.status === 'ended')).toBe(true);
    // Username, internal number and number are free again.
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    const login2 = await api(
      w,
      admin,
      'PUT',
      `/workplace-drafts/${draft}/sections/login?validate=true`,
      completeDraft(w, 1).login,
    );
    expect(login2.statusCode, login2.body).toBe(200);
    const number = await api(
      w,
      admin,
      'PUT',
      `/workplace-drafts/${draft}/sections/number?validate=true`,
      { mainNumber: '0228 1234250', internalNumber: '250' },
    );
    expect(number.statusCode, number.body).toBe(200);
  });
});

describe('mobile integration check (seed 001 "Authentifizierung der Mobilfunknummer")', () => {
  it.each([
    [
      'a Telekom number outside the framework needs the customer account',
      '0151 12345678',
      undefined,
      { eligible: false, needsCustomerAccount: true },
    ],
    [
      '… and is eligible with it (10 digits)',
      '0151 12345678',
      '1234567890',
      { eligible: true, needsCustomerAccount: false },
    ],
    [
      '… a wrong customer account number',
      '0151 12345678',
      '12345',
      { eligible: false, needsCustomerAccount: true },
    ],
    [
      '"Für Kunden mit anderen Mobilfunkverträgen ist MagentaEINS Business Integration nicht verfügbar"',
      '0176 12345678',
      undefined,
      { eligible: false, needsCustomerAccount: false },
    ],
  ])('%s', async (_name, mobileNumber, customerAccount, expected) => {
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    const res = await api(w, admin, 'POST', `/workplace-drafts/${draft}/check-mobile`, {
      mobileNumber,
      ...(customerAccount ? { customerAccount } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(expected);
    expect(res.json().message.length).toBeGreaterThan(10);
  });
});

describe('the company structure refuses deleting what workplaces use', () => {
  const cartDraft = async (data: DraftData) => {
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    for (const [section, value] of Object.entries(data)) {
      await api(w, admin, 'PUT', `/workplace-drafts/${draft}/sections/${section}`, value);
    }
    const added = await api(w, admin, 'POST', `/workplace-drafts/${draft}/cart`);
    expect(added.statusCode, added.body).toBe(201);
    return draft;
  };

  it('an area with workplaces ("area_has_workplaces"), a group with workplaces ("group_has_workplaces")', async () => {
    admin = await login(w.t.app, 'demo-admin');
    const area = await api(w, admin, 'POST', `/groups/${cologne}/areas`, { name: 'Vertrieb' });
    expect(area.statusCode, area.body).toBe(201);
    const data = completeDraft(w, 6);
    data.group = { groupId: cologne, areaId: area.json().id };
    data.number = { mainNumber: '0221 555520', internalNumber: '520' };
    const inArea = await cartDraft(data);
    expect((await api(w, admin, 'DELETE', `/areas/${area.json().id}`)).json().error.code).toBe(
      'area_has_workplaces',
    );
    expect((await api(w, admin, 'DELETE', `/workplace-drafts/${inArea}`)).statusCode).toBe(204);
    expect((await api(w, admin, 'DELETE', `/areas/${area.json().id}`)).statusCode).toBe(204);

    const inGroup = await cartDraft({ ...data, group: { groupId: cologne } });
    // Without its number block the group still has the workplace.
    const blocks = (await api(w, admin, 'GET', `/number-blocks?groupId=${cologne}`)).json().items;
    await api(w, admin, 'PATCH', `/number-blocks/${blocks[0].id}`, { groupId: w.defaultGroupId });
    const groups = (await api(w, admin, 'GET', '/groups')).json().items;
    expect(groups.find((g: { id: string }) => g.id === cologne).workplaces).toBe(1);
    expect((await api(w, admin, 'DELETE', `/groups/${cologne}`)).json().error.code).toBe(
      'group_has_workplaces',
    );
    expect((await api(w, admin, 'DELETE', `/workplace-drafts/${inGroup}`)).statusCode).toBe(204);
    await api(w, admin, 'PATCH', `/number-blocks/${blocks[0].id}`, { groupId: cologne });
  });
});

describe('bad input never gives a 500', () => {
  it.each([
    ['PUT', '/workplace-drafts/DRAFT/sections/devices', { devices: [{ deviceModelId: 'x' }] }],
    ['PUT', '/workplace-drafts/DRAFT/sections/login', { username: 42 }],
    ['PUT', '/workplace-drafts/DRAFT/sections/nonsense', {}],
    ['POST', '/workplace-drafts', { templateId: '00000000-0000-4000-8000-000000000000' }],
    ['POST', '/workplace-drafts/DRAFT/template', { name: '' }],
    ['GET', '/workplaces?page=0', undefined],
    ['GET', '/workplaces/not-a-uuid', undefined],
    ['PATCH', '/workplaces/WP/sections/devices', { devices: 'many' }],
    ['PATCH', '/workplaces/WP/sections/number', { additionalNumbers: ['x'] }],
    ['POST', '/workplaces/WP/addons', { add: ['no_such_product'] }],
    ['POST', '/workplaces/WP/conference', { productKey: 'assistant' }],
    ['POST', '/workplaces/WP/delete', { activationDate: '31.01.2026' }],
  ] as const)('%s %s', async (method, url, body) => {
    admin = await login(w.t.app, 'demo-admin');
    const draft = (await api(w, admin, 'POST', '/workplace-drafts', {})).json().id;
    const wp = (await api(w, admin, 'GET', '/workplaces')).json().items[0]?.id ?? draft;
    const res = await api(w, admin, method, url.replace('DRAFT', draft).replace('WP', wp), body);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(res.json().error.message.length).toBeGreaterThan(5);
  });
});
