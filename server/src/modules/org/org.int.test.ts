import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { call, DEMO_PASSWORD, login, newCompanyBody, type Session } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { effectiveBarring } from './barring.service.ts';

let t: TestApp;
let admin: Session;
let base: string;
const groupBody = {
  name: 'Niederlassung Köln',
  shortCode: 'K',
  street: 'Domplatz 1',
  postalCode: '50667',
  city: 'Köln',
  dialCode: '2',
};

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  base = `/api/v1/companies/${seeded.companyId}`;
  admin = await login(t.app, 'demo-admin');
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  call(t.app, method, `${base}${url}`, { session: admin, ...(body === undefined ? {} : { body }) });

describe('groups/locations (seed 003: "vorkonfigurierte Gruppe / Standort entsprechend Ihrer Vertragsanschrift")', () => {
  it('a new company has its default group from the contract address', async () => {
    const operator = await login(t.app, 'operator');
    const created = await call(t.app, 'POST', '/api/v1/companies', {
      session: operator,
      body: newCompanyBody('5001'),
    });
    const id = created.json().company.id;
    const groups = await call(t.app, 'GET', `/api/v1/companies/${id}/groups`, {
      session: operator,
    });
    expect(groups.json().items).toEqual([
      expect.objectContaining({
        isDefault: true,
        street: 'Hauptstraße 5',
        postalCode: '10115',
        city: 'Berlin',
        shortCode: 'STD',
      }),
    ]);
  });

  it('admins add groups with areas; names, codes and dial codes are unique', async () => {
    const group = await api('POST', '/groups', groupBody);
    expect(group.statusCode, group.body).toBe(201);
    const area = await api('POST', `/groups/${group.json().id}/areas`, { name: 'Vertrieb' });
    expect(area.statusCode).toBe(201);
    const again = await api('POST', '/groups', {
      ...groupBody,
      shortCode: 'K2',
      dialCode: '3',
      name: 'niederlassung köln',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'group_name_taken',
      details: [{ field: 'name' }],
    });
    const sameDial = await api('POST', '/groups', { ...groupBody, name: 'Bonn', shortCode: 'BN' });
    expect(sameDial.json().error.code).toBe('group_dial_code_taken');
    const list = await api('GET', '/groups');
    const köln = list.json().items.find((g: { name: string }) => g.name === 'Niederlassung Köln');
    expect(köln.areas.map((a: { name: string }) => a.name)).toEqual(['Vertrieb']);
  });

  it('refuses bad input naming the field', async () => {
    const res = await api('POST', '/groups', {
      ...groupBody,
      name: 'X',
      shortCode: 'a b',
      postalCode: '123',
      timeZone: 'Mars/Olympus',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['postalCode', 'shortCode', 'timeZone']);
  });

  it('deletion is refused for the default group, with areas, and with numbers; an empty group goes', async () => {
    const groups = (await api('GET', '/groups')).json().items;
    const std = groups.find((g: { isDefault: boolean }) => g.isDefault);
    expect((await api('DELETE', `/groups/${std.id}`)).json().error.code).toBe('group_is_default');
    const köln = groups.find((g: { name: string }) => g.name === 'Niederlassung Köln');
    expect((await api('DELETE', `/groups/${köln.id}`)).json().error.code).toBe('group_has_areas');

    const empty = (
      await api('POST', '/groups', { ...groupBody, name: 'Leer', shortCode: 'L', dialCode: '7' })
    ).json();
    const operator = await login(t.app, 'operator');
    await call(t.app, 'POST', `${base}/number-blocks`, {
      session: operator,
      body: { kind: 'single', number: '0221 1234567', groupId: empty.id },
    });
    const refused = await api('DELETE', `/groups/${empty.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'group_has_numbers' });
    const spare = (
      await api('POST', '/groups', { ...groupBody, name: 'Spare', shortCode: 'S', dialCode: '8' })
    ).json();
    expect((await api('DELETE', `/groups/${spare.id}`)).statusCode).toBe(204);
  });
});

describe('blocking profiles (Sperrprofile)', () => {
  let profileId: string;
  let kölnId: string;

  it('the system profile allows everything and is the initial standard profile', async () => {
    const res = await api('GET', '/blocking-profiles');
    expect(res.json().items).toEqual([
      expect.objectContaining({
        name: 'Systemsperrprofil',
        isSystem: true,
        isStandard: true,
        rules: [],
      }),
    ]);
  });

  it('refuses a rule that would bar 110 or 112', async () => {
    const res = await api('POST', '/blocking-profiles', {
      name: 'Zu streng',
      rules: [{ direction: 'outgoing', category: 'custom', prefix: '11', effect: 'bar' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'barring_bars_emergency',
      message: 'Die Notrufnummern 110 und 112 können nicht gesperrt werden.',
      details: [{ field: 'rules.0' }],
    });
  });

  it('resolves the effective profile workplace → group → company, with its source', async () => {
    const created = await api('POST', '/blocking-profiles', {
      name: 'Keine Mehrwertdienste',
      rules: [
        { direction: 'outgoing', category: 'premium_0900', effect: 'bar' },
        { direction: 'outgoing', category: 'international', effect: 'bar' },
        { direction: 'outgoing', category: 'custom', prefix: '0043', effect: 'allow' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    profileId = created.json().id;
    const groups = (await api('GET', '/groups')).json().items;
    kölnId = groups.find((g: { name: string }) => g.name === 'Niederlassung Köln').id;

    const before = await api('GET', `/groups/${kölnId}/effective`);
    expect(before.json().barring).toMatchObject({
      source: 'company',
      profile: { name: 'Systemsperrprofil' },
    });

    await api('PATCH', `/groups/${kölnId}`, { blockingProfileId: profileId });
    const after = await api('GET', `/groups/${kölnId}/effective`);
    expect(after.json().barring).toMatchObject({
      source: 'group',
      profile: { name: 'Keine Mehrwertdienste' },
    });

    const system = (await api('GET', '/blocking-profiles'))
      .json()
      .items.find((p: { isSystem: boolean }) => p.isSystem);
    const own = await effectiveBarring(t.ctx.database.db, base.split('/').at(-1)!, {
      groupId: kölnId,
      workplaceProfileId: system.id,
    });
    expect(own).toMatchObject({ source: 'workplace', profile: { isSystem: true } });
  });

  it('the standard profile applies where the group has none; a used profile cannot be deleted', async () => {
    expect((await api('PUT', '/standard-blocking-profile', { profileId })).statusCode).toBe(204);
    const std = (await api('GET', '/groups'))
      .json()
      .items.find((g: { isDefault: boolean }) => g.isDefault);
    const eff = await api('GET', `/groups/${std.id}/effective`);
    expect(eff.json().barring).toMatchObject({
      source: 'company',
      profile: { id: profileId, isStandard: true },
    });
    expect((await api('DELETE', `/blocking-profiles/${profileId}`)).json().error.code).toBe(
      'profile_in_use',
    );
    const system = (await api('GET', '/blocking-profiles'))
      .json()
      .items.find((p: { isSystem: boolean }) => p.isSystem);
    expect(
      (await api('PATCH', `/blocking-profiles/${system.id}`, { name: 'X' })).json().error.code,
    ).toBe('profile_is_system');
  });
});

describe('call information (inherited company → group → area)', () => {
  it('takes the most specific level that sets it and names the source', async () => {
    const groups = (await api('GET', '/groups')).json().items;
    const köln = groups.find((g: { name: string }) => g.name === 'Niederlassung Köln');
    const area = köln.areas[0];
    const eff = () => api('GET', `/groups/${köln.id}/effective?areaId=${area.id}`);
    expect((await eff()).json().callInfo).toEqual({
      value: { numberMode: 'workplace', number: null, displayName: null },
      source: 'default',
    });
    await api('PUT', '/call-info', {
      callInfo: { numberMode: 'number', number: '+49228123450', displayName: 'Muster Handels' },
    });
    expect((await eff()).json().callInfo.source).toBe('company');
    await api('PATCH', `/groups/${köln.id}`, {
      callInfo: { numberMode: 'workplace', number: null, displayName: 'Muster Köln' },
    });
    expect((await eff()).json().callInfo).toMatchObject({
      source: 'group',
      value: { displayName: 'Muster Köln' },
    });
    await api('PATCH', `/areas/${area.id}`, {
      callInfo: { numberMode: 'number', number: '+49221123456', displayName: 'Vertrieb' },
    });
    expect((await eff()).json().callInfo).toMatchObject({
      source: 'area',
      value: { displayName: 'Vertrieb' },
    });
    const bad = await api('PATCH', `/areas/${area.id}`, {
      callInfo: { numberMode: 'number', number: null, displayName: null },
    });
    expect(bad.json().error.details[0].field).toBe('callInfo.number');
  });
});

describe('numbers per group', () => {
  it('a block can be assigned to another group, and the group shows it', async () => {
    const operator = await login(t.app, 'operator');
    const block = await call(t.app, 'POST', `${base}/number-blocks`, {
      session: operator,
      body: { kind: 'block', number: '0221 777', extensionLength: 1 },
    });
    const groups = (await api('GET', '/groups')).json().items;
    const köln = groups.find((g: { name: string }) => g.name === 'Niederlassung Köln');
    expect(block.json().groupId).toBe(groups.find((g: { isDefault: boolean }) => g.isDefault).id);
    const moved = await api('PATCH', `/number-blocks/${block.json().id}`, { groupId: köln.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().groupId).toBe(köln.id);
    const after = (await api('GET', '/groups'))
      .json()
      .items.find((g: { id: string }) => g.id === köln.id);
    expect(after.numberBlocks).toBe(1);
    const filtered = await api('GET', `/number-blocks?groupId=${köln.id}`);
    expect(filtered.json().items.map((b: { id: string }) => b.id)).toEqual([block.json().id]);
  });
});

describe('GET /call-info', () => {
  it('returns the company-level call information', async () => {
    const res = await api('GET', '/call-info');
    expect(res.statusCode).toBe(200);
    expect(res.json().callInfo).toMatchObject({
      numberMode: 'number',
      displayName: 'Muster Handels',
    });
  });
});
