// Test support for the workplace tests: the real app on PGlite with demo data and the catalogue,
// number blocks handed out through the numbers API (as an operator does), and a complete,
// valid wizard draft filled section by section through the API.
import { expect } from 'vitest';
import type { DraftData } from '../../../../../common/src/workplaces/sections.ts';
import { SECTIONS } from '../../../../../common/src/workplaces/sections.ts';
import { seedDemoData } from '../../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, type Session } from '../../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { listDevices } from '../../catalog/catalog.repository.ts';
import { seedCatalogIfEmpty } from '../../catalog/catalog.seed.ts';

export interface WorkplacesTestApp {
  t: TestApp;
  companyId: string;
  base: string;
  operator: Session;
  /** Device model ids by catalogue key. */
  devices: Map<string, string>;
  defaultGroupId: string;
}

export async function createWorkplacesTestApp(): Promise<WorkplacesTestApp> {
  const t = await createTestApp();
  await seedCatalogIfEmpty(t.ctx.database, t.clock);
  const seeded = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  const companyId = seeded.companyId!;
  const base = `/api/v1/companies/${companyId}`;
  const operator = await login(t.app, 'operator');
  const models = await listDevices(t.ctx.database.db, { extended: true });
  const groups = await call(t.app, 'GET', `${base}/groups`, { session: operator });
  const defaultGroupId = groups
    .json<{ items: { id: string; isDefault: boolean }[] }>()
    .items.find((g) => g.isDefault)!.id;
  return {
    t,
    companyId,
    base,
    operator,
    devices: new Map(models.map((m) => [m.key, m.id])),
    defaultGroupId,
  };
}

/** Hands a number block to the company through the numbers API (operators do this). */
export async function addBlock(
  w: WorkplacesTestApp,
  body: { number: string; extensionLength: number; groupId?: string },
  companyBase = w.base,
) {
  const res = await call(w.t.app, 'POST', `${companyBase}/number-blocks`, {
    session: w.operator,
    body: { kind: 'block', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

/** A complete, valid draft for the n-th test workplace (numbers 0228 1234-2nn of the plan). */
export function completeDraft(w: WorkplacesTestApp, n: number): DraftData {
  const ext = String(200 + n);
  return {
    group: { groupId: null, areaId: null, language: 'de', timeZone: 'Europe/Berlin' },
    user: {
      salutation: 'Herr',
      firstName: 'Max',
      lastName: `Mustermann ${n}`,
      email: `max${n}@muster-handels.example`,
      city: 'Bonn',
    },
    login: {
      username: `max.muster${n}`,
      authEmail: `max${n}@muster-handels.example`,
      authEmailConfirm: `max${n}@muster-handels.example`,
      authMobile: '0151 12345678',
      withoutMobile: false,
    },
    number: {
      mainNumber: `0228 1234${ext}`,
      internalNumber: ext,
      nomadic: 'allowed',
      additionalNumbers: [],
    },
    profile: { blockingProfileId: null },
    devices: {
      devices: [
        { deviceModelId: w.devices.get('yealink-t46u')!, macAddress: null },
        { deviceModelId: w.devices.get('telekom-desktop-full')!, macAddress: null },
      ],
    },
    mobile: { mode: 'none' },
    addons: { addons: ['conference'] },
    activation: { activationDate: null },
  };
}

export const api = (
  w: WorkplacesTestApp,
  session: Session,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) =>
  call(w.t.app, method, url.startsWith('/api') ? url : `${w.base}${url}`, {
    session,
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });

/** Starts a draft and saves (and validates) each section given; returns the draft id. */
export async function fillDraft(
  w: WorkplacesTestApp,
  session: Session,
  data: DraftData,
  options: { start?: Record<string, unknown>; validate?: boolean } = {},
): Promise<string> {
  const created = await api(w, session, 'POST', '/workplace-drafts', options.start ?? {});
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  for (const section of SECTIONS) {
    const value = data[section];
    if (value === undefined) {
      continue;
    }
    const res = await api(
      w,
      session,
      'PUT',
      `/workplace-drafts/${id}/sections/${section}?validate=${options.validate === false ? 'false' : 'true'}`,
      value,
    );
    expect(res.statusCode, `${section}: ${res.body}`).toBe(200);
  }
  return id;
}

/** Orders the session's cart and runs every due job (the execution and the mails). */
export async function orderCart(w: WorkplacesTestApp, session: Session) {
  const cart = await api(w, session, 'GET', '/api/v1/cart');
  const res = await api(w, session, 'POST', '/api/v1/cart/order', {
    priceToken: cart.json<{ priceToken: string }>().priceToken,
  });
  expect(res.statusCode, res.body).toBe(201);
  await w.t.ctx.jobs.drain();
  return res.json<{
    orders: {
      id: string;
      items: { id: string; status: string; activationDate: string | null }[];
    }[];
  }>();
}

/** A complete workplace through wizard, cart and order; returns its id. */
export async function activeWorkplace(
  w: WorkplacesTestApp,
  session: Session,
  data: DraftData,
): Promise<string> {
  const draftId = await fillDraft(w, session, data);
  const res = await api(w, session, 'POST', `/workplace-drafts/${draftId}/cart`);
  expect(res.statusCode, res.body).toBe(201);
  await orderCart(w, session);
  return res.json<{ workplaceId: string }>().workplaceId;
}

export { login };
