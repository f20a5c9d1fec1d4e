import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberAssignments, outbox, users, workplaceDevices } from '../../db/schema/index.ts';
import { decrypt } from '../../platform/crypto.ts';
import type { Session } from '../../test/api-client.ts';
import { runDailyBilling } from '../billing/billing.job.ts';
import { sipHa1 } from '../credentials/credentials.rules.ts';
import {
  addBlock,
  api,
  completeDraft,
  createWorkplacesTestApp,
  fillDraft,
  login,
  orderCart,
  type WorkplacesTestApp,
} from './testing/workplaces-fixture.ts';

let w: WorkplacesTestApp;
let admin: Session;

beforeAll(async () => {
  w = await createWorkplacesTestApp();
  await addBlock(w, { number: '0228 1234', extensionLength: 3 });
  admin = await login(w.t.app, 'demo-admin');
});
afterAll(() => w.t.close());

const db = () => w.t.ctx.database.db;

describe('a complete workplace (seed 001 "Arbeitsplatz einrichten", seed 003 "Auftrag hinzufügen")', () => {
  it('goes from an empty draft through every section into the cart, is ordered and runs', async () => {
    const start = await api(w, admin, 'POST', '/workplace-drafts', {});
    expect(start.statusCode, start.body).toBe(201);
    const draftId = start.json().id;
    expect(start.json()).toMatchObject({ completed: [], workplaceId: null, data: {} });

    const data = completeDraft(w, 1);
    const warnings: Record<string, string[]> = {};
    for (const [section, value] of Object.entries(data)) {
      const res = await api(
        w,
        admin,
        'PUT',
        `/workplace-drafts/${draftId}/sections/${section}?validate=true`,
        value,
      );
      expect(res.statusCode, `${section}: ${res.body}`).toBe(200);
      warnings[section] = res.json().warnings.map((x: { rule: string }) => x.rule);
    }
    const draft = (await api(w, admin, 'GET', `/workplace-drafts/${draftId}`)).json();
    expect(draft.completed).toEqual(Object.keys(data));

    const price = await api(w, admin, 'GET', `/workplace-drafts/${draftId}/price`);
    expect(price.json()).toMatchObject({
      lines: [
        { productKey: 'cloud_pbx_workplace', quantity: 1, unitMonthlyCents: 1290, tierFrom: 1 },
        { productKey: 'conference', quantity: 1, unitMonthlyCents: 400 },
      ],
      monthlyCents: 1690,
    });

    // "Auftrag hinzufügen"
    const added = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/cart`);
    expect(added.statusCode, added.body).toBe(201);
    const { cartItem, workplaceId } = added.json();
    expect(cartItem).toMatchObject({
      type: 'workplace.activate',
      subjectId: workplaceId,
      description: 'Arbeitsplatz aktivieren: Max Mustermann 1 (max.muster1)',
      activationDate: null,
      monthlyCents: 1690,
    });
    expect(cartItem.lines.map((l: { productKey: string }) => l.productKey)).toEqual([
      'cloud_pbx_workplace',
      'conference',
    ]);
    const again = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/cart`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('draft_in_cart');

    const inCart = (await api(w, admin, 'GET', `/workplaces/${workplaceId}`)).json();
    expect(inCart).toMatchObject({
      status: 'in_cart',
      login: { username: 'max.muster1', passwordDelivery: 'sms' },
    });
    const reserved = await db()
      .select()
      .from(numberAssignments)
      .where(eq(numberAssignments.targetId, workplaceId));
    expect(reserved.map((r) => [r.e164, r.state, r.releasedAt])).toEqual([
      ['+492281234201', 'reserved', null],
    ]);
    const cart = (await api(w, admin, 'GET', '/api/v1/cart')).json();
    expect(cart.count).toBe(1);

    // "Kostenpflichtig bestellen", then the execution runs.
    await orderCart(w, admin);
    const active = (await api(w, admin, 'GET', `/workplaces/${workplaceId}`)).json();
    expect(active).toMatchObject({
      status: 'active',
      minimumTermEnd: '2026-01-31',
      deletableFrom: '2026-01-31',
      number: { mainNumber: '+492281234201', internalNumber: '201' },
      addons: [
        {
          productKey: 'conference',
          status: 'active',
          activeFrom: '2026-01-01',
          minimumTermEnd: '2026-01-31',
        },
      ],
      pendingItems: [],
    });
    expect(active.devices.map((d: { hasCredentials: boolean }) => d.hasCredentials)).toEqual([
      true,
      true,
    ]);
    expect((await api(w, admin, 'GET', `/workplace-drafts/${draftId}`)).statusCode).toBe(404);

    // The numbers are assigned now; each device has its own SIP credentials (HA1 + secret).
    const assigned = await db()
      .select()
      .from(numberAssignments)
      .where(and(eq(numberAssignments.targetId, workplaceId)));
    expect(assigned.filter((a) => !a.releasedAt).map((a) => a.state)).toEqual(['assigned']);
    const devices = await db()
      .select()
      .from(workplaceDevices)
      .where(eq(workplaceDevices.workplaceId, workplaceId));
    expect(new Set(devices.map((d) => d.sipUsername)).size).toBe(2);
    for (const d of devices) {
      const password = decrypt(
        w.t.ctx.config.secret,
        Buffer.from(d.sipSecret!, 'base64'),
      ).toString();
      expect(password.length).toBeGreaterThanOrEqual(22);
      expect(d.sipHa1).toBe(sipHa1(d.sipUsername!, w.t.ctx.config.sip.realm, password));
    }
    // The end user's account (no password yet: MyPortal's first login sets it).
    const [user] = await db().select().from(users).where(eq(users.username, 'max.muster1'));
    expect(user).toMatchObject({
      kind: 'end_user',
      companyId: w.companyId,
      email: 'max1@muster-handels.example',
      passwordHash: null,
    });
    // The activation mail with username and first-login link.
    const mails = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'workplace_activation'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe('max1@muster-handels.example');
    expect(mails[0]!.body).toContain('max.muster1');
    expect(mails[0]!.body).toContain('/myportal/erstanmeldung');

    const list = (await api(w, admin, 'GET', '/workplaces?search=muster1')).json();
    expect(list).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 15,
      quota: { configured: 1, available: 24, total: 25 },
      items: [
        {
          id: workplaceId,
          status: 'active',
          devices: 2,
          addons: ['conference'],
          groupName: expect.any(String),
        },
      ],
    });
    const groups = (await api(w, admin, 'GET', '/groups')).json().items;
    expect(groups.find((g: { isDefault: boolean }) => g.isDefault).workplaces).toBe(1);

    // The ledger counts the active workplace and its add-on from the activation day on.
    await runDailyBilling(w.t.ctx, '2026-01-01');
    const billing = (await api(w, admin, 'GET', '/billing?month=2026-01')).json();
    const billed = Object.fromEntries(
      billing.lines.map((l: { productKey: string; quantityMax: number }) => [
        l.productKey,
        l.quantityMax,
      ]),
    );
    expect(billed).toMatchObject({ cloud_pbx_workplace: 1, conference: 1 });
  });

  it('"Standard-Einstellungen" pre-fill the default group, the standard profile and a free number', async () => {
    const res = await api(w, admin, 'POST', '/workplace-drafts', { standard: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({
      group: { groupId: w.defaultGroupId },
      profile: { blockingProfileId: null },
      // 0228 1234-000 … are the standard-length numbers of the block; 201 is taken above.
      number: { mainNumber: '+492281234000', internalNumber: '1234000'.slice(-3) },
    });
    await api(w, admin, 'DELETE', `/workplace-drafts/${res.json().id}`);
  });

  it('searches the list by name, username, number and internal number, with paging 15/30/60', async () => {
    for (const q of ['Mustermann 1', 'max.muster1', '0228 1234201', '+49 228 1234201', '201']) {
      const res = await api(w, admin, 'GET', `/workplaces?search=${encodeURIComponent(q)}`);
      expect(res.json().total, q).toBe(1);
    }
    expect((await api(w, admin, 'GET', '/workplaces?pageSize=20')).statusCode).toBe(400);
    expect(
      (await api(w, admin, 'GET', '/workplaces?pageSize=60&status=active')).json().pageSize,
    ).toBe(60);
  });
});

describe('drafts survive a logout; the cart does not (seed 003 "Nicht bestellte Warenkörbe verfallen bei Abmeldung")', () => {
  it('keeps the draft, discards its workplace from the cart and frees its number', async () => {
    const session = await login(w.t.app, 'demo-admin');
    const draftId = await fillDraft(w, session, completeDraft(w, 2));
    const added = await api(w, session, 'POST', `/workplace-drafts/${draftId}/cart`);
    expect(added.statusCode, added.body).toBe(201);
    const workplaceId = added.json().workplaceId;
    expect((await api(w, session, 'POST', '/api/v1/auth/logout')).statusCode).toBeLessThan(300);

    const next = await login(w.t.app, 'demo-admin');
    const drafts = (await api(w, next, 'GET', '/workplace-drafts')).json().items;
    const kept = drafts.find((d: { id: string }) => d.id === draftId);
    expect(kept).toMatchObject({ workplaceId: null, data: { login: { username: 'max.muster2' } } });
    expect((await api(w, next, 'GET', `/workplaces/${workplaceId}`)).statusCode).toBe(404);
    const held = await db()
      .select()
      .from(numberAssignments)
      .where(eq(numberAssignments.targetId, workplaceId));
    expect(held.every((a) => a.releasedAt !== null)).toBe(true);
    // The same draft goes into the new session's cart again; deleting the draft takes it out.
    const readded = await api(w, next, 'POST', `/workplace-drafts/${draftId}/cart`);
    expect(readded.statusCode, readded.body).toBe(201);
    expect((await api(w, next, 'DELETE', `/workplace-drafts/${draftId}`)).statusCode).toBe(204);
    expect((await api(w, next, 'GET', '/api/v1/cart')).json().count).toBe(0);
    expect(
      (await api(w, next, 'GET', `/workplaces/${readded.json().workplaceId}`)).statusCode,
    ).toBe(404);
  });
});

describe('templates (seed 001 "Mustervorlagen verwenden")', () => {
  it('saves group, profile, desktop client and add-ons, and starts a draft from them', async () => {
    const group = await api(w, admin, 'POST', '/groups', {
      name: 'Vertrieb Köln',
      shortCode: 'VK',
      street: 'Domplatz 1',
      postalCode: '50667',
      city: 'Köln',
    });
    expect(group.statusCode, group.body).toBe(201);
    const profiles = (await api(w, admin, 'GET', '/blocking-profiles')).json().items;
    const data = completeDraft(w, 3);
    data.group = { groupId: group.json().id, areaId: null };
    data.profile = { blockingProfileId: profiles[0].id };
    const draftId = await fillDraft(w, admin, {
      group: data.group,
      profile: data.profile,
      devices: data.devices,
      addons: data.addons,
    });
    const saved = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/template`, {
      name: 'Vertrieb',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({
      name: 'Vertrieb',
      groupId: group.json().id,
      groupName: 'Vertrieb Köln',
      blockingProfileId: profiles[0].id,
      desktopClientModelId: w.devices.get('telekom-desktop-full'),
      addons: ['conference'],
    });
    const dup = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/template`, {
      name: 'vertrieb',
    });
    expect(dup.statusCode).toBe(409);

    const list = (await api(w, admin, 'GET', '/workplace-templates')).json().items;
    expect(list.map((t: { name: string }) => t.name)).toEqual(['Vertrieb']);
    const fromTemplate = await api(w, admin, 'POST', '/workplace-drafts', {
      templateId: saved.json().id,
    });
    expect(fromTemplate.json()).toMatchObject({
      templateId: saved.json().id,
      data: {
        group: { groupId: group.json().id, areaId: null },
        profile: { blockingProfileId: profiles[0].id },
        devices: { devices: [{ deviceModelId: w.devices.get('telekom-desktop-full') }] },
        addons: { addons: ['conference'] },
      },
    });
    // The group is in use by the template: it cannot be deleted until the template goes.
    expect((await api(w, admin, 'DELETE', `/groups/${group.json().id}`)).json().error.code).toBe(
      'group_has_templates',
    );
    expect(
      (await api(w, admin, 'DELETE', `/workplace-templates/${saved.json().id}`)).statusCode,
    ).toBe(204);
    expect((await api(w, admin, 'GET', '/workplace-templates')).json().items).toEqual([]);
  });
});

describe('tenancy', () => {
  it("another company's workplaces, drafts and templates are not found", async () => {
    const created = await api(w, w.operator, 'POST', '/api/v1/companies', {
      name: 'Andere GmbH',
      customerNumber: 'K-WP-1',
      contactEmail: null,
      contract: {
        status: 'active',
        startDate: '2026-01-01',
        street: 'Hauptstraße 5',
        postalCode: '10115',
        city: 'Berlin',
        country: 'DE',
        products: ['cloud_pbx'],
        workplaceQuota: 5,
        parallelCalls: 2,
        partnerLicences: {},
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const other = `/api/v1/companies/${created.json().company.id}`;
    await addBlock(w, { number: '030 5555', extensionLength: 2 }, other);
    const data = completeDraft(w, 4);
    data.number = { mainNumber: '030 555510', internalNumber: '10', additionalNumbers: [] };
    data.login = { ...data.login, username: 'anna.andere' };
    const start = await api(w, w.operator, 'POST', `${other}/workplace-drafts`, {});
    const draftId = start.json().id;
    for (const [section, value] of Object.entries(data)) {
      const res = await api(
        w,
        w.operator,
        'PUT',
        `${other}/workplace-drafts/${draftId}/sections/${section}?validate=true`,
        value,
      );
      expect(res.statusCode, `${section}: ${res.body}`).toBe(200);
    }
    const added = await api(w, w.operator, 'POST', `${other}/workplace-drafts/${draftId}/cart`);
    expect(added.statusCode, added.body).toBe(201);
    const foreign = added.json().workplaceId;

    expect((await api(w, admin, 'GET', `${other}/workplaces/${foreign}`)).statusCode).toBe(404);
    expect((await api(w, admin, 'GET', `/workplaces/${foreign}`)).statusCode).toBe(404);
    expect(
      (await api(w, admin, 'PATCH', `/workplaces/${foreign}/sections/user`, { firstName: 'X' }))
        .statusCode,
    ).toBe(404);
    expect((await api(w, admin, 'GET', `/workplace-drafts/${draftId}`)).statusCode).toBe(404);
    expect((await api(w, admin, 'GET', `${other}/workplace-drafts`)).statusCode).toBe(404);
  });
});

describe('the activation as an order item (issue 6: steps with compensation)', () => {
  it('a cancelled order gives the numbers back and leaves a draft with everything entered', async () => {
    const data = completeDraft(w, 7);
    data.activation = { activationDate: '2026-01-20' };
    const draftId = await fillDraft(w, admin, data);
    const added = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/cart`);
    const workplaceId = added.json().workplaceId;
    const order = (await orderCart(w, admin)).orders[0]!;
    expect(order.items[0]).toMatchObject({ status: 'scheduled', activationDate: '2026-01-20' });
    expect((await api(w, admin, 'GET', `/workplaces/${workplaceId}`)).json()).toMatchObject({
      status: 'ordered',
      pendingItems: [{ type: 'workplace.activate', status: 'scheduled' }],
    });
    const cancelled = await api(w, admin, 'POST', `/orders/${order.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await api(w, admin, 'GET', `/workplaces/${workplaceId}`)).statusCode).toBe(404);
    const held = await db()
      .select()
      .from(numberAssignments)
      .where(eq(numberAssignments.targetId, workplaceId));
    expect(held.every((a) => a.releasedAt !== null)).toBe(true);
    const drafts = (await api(w, admin, 'GET', '/workplace-drafts')).json().items;
    expect(
      drafts.find(
        (d: { data: { login?: { username?: string } } }) =>
          d.data.login?.username === 'max.muster7',
      ),
    ).toMatchObject({
      workplaceId: null,
      data: {
        number: { mainNumber: '+492281234207', internalNumber: '207' },
        addons: { addons: ['conference'] },
      },
    });
  });

  it('a username taken meanwhile makes "create-user" fail; the assigned numbers go back to reserved', async () => {
    const draftId = await fillDraft(w, admin, completeDraft(w, 8));
    const added = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/cart`);
    const workplaceId = added.json().workplaceId;
    // Someone registers a portal account with that username before the order runs.
    const now = w.t.clock.now();
    await db()
      .insert(users)
      .values({ kind: 'portal', username: 'max.muster8', createdAt: now, updatedAt: now });
    const cart = (await api(w, admin, 'GET', '/api/v1/cart')).json();
    const placed = await api(w, admin, 'POST', '/api/v1/cart/order', {
      priceToken: cart.priceToken,
    });
    const orderId = placed.json().orders[0].id;
    for (let i = 0; i < 12; i++) {
      await w.t.ctx.jobs.drain();
      w.t.clock.advance(60_000);
    }
    admin = await login(w.t.app, 'demo-admin');
    const order = (await api(w, admin, 'GET', `/orders/${orderId}`)).json();
    expect(order.items[0].status).toBe('failed');
    expect(order.items[0].failureReason).toContain('create-user');
    const held = await db()
      .select()
      .from(numberAssignments)
      .where(eq(numberAssignments.targetId, workplaceId));
    expect(held.filter((a) => !a.releasedAt).map((a) => a.state)).toEqual(['reserved']);
    expect((await api(w, admin, 'GET', `/workplaces/${workplaceId}`)).json().status).toBe(
      'ordered',
    );
  });
});
