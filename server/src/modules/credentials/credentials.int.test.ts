import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../demo/seed.ts';
import { workplaceDevices } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorkplace, type WorkplaceFixture } from '../myportal/test/factory.ts';
import {
  issueDeviceCredentials,
  revealDeviceCredentials,
  revokeDeviceCredentials,
} from './credentials.service.ts';
import { sipHa1 } from './credentials.rules.ts';

let t: TestApp;
let companyId: string;
let wp: WorkplaceFixture;

beforeAll(async () => {
  t = await createTestApp({
    env: {
      SIP_DOMAIN: 'sip.muster.example',
      SIP_REGISTRAR: 'registrar.muster.example:5060',
      PROVISIONING_BASE_URL: 'https://prov.muster.example',
    },
  });
  companyId = (await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD)).companyId!;
  wp = await createWorkplace(t.ctx, companyId);
});
afterAll(() => t.close());

const row = async (deviceId: string) =>
  (
    await t.ctx.database.db.select().from(workplaceDevices).where(eq(workplaceDevices.id, deviceId))
  )[0]!;

describe('device credentials (issue 8: "at rest only their HA1 digest and a ciphertext")', () => {
  it('stores HA1 and an encrypted secret, never the password', async () => {
    const ref = { companyId, deviceId: wp.deskPhoneId };
    const revealed = (await revealDeviceCredentials(t.ctx.database.db, t.ctx, ref))!;
    const stored = await row(wp.deskPhoneId);
    expect(stored.sipHa1).toBe(
      sipHa1(revealed.sipUsername, 'sip.muster.example', revealed.password),
    );
    expect(stored.sipSecret).not.toContain(revealed.password);
    expect(JSON.stringify(stored)).not.toContain(revealed.password);
    expect(revealed).toMatchObject({
      domain: 'sip.muster.example',
      realm: 'sip.muster.example',
      registrar: 'registrar.muster.example:5060',
      provisioningUrl: expect.stringMatching(
        /^https:\/\/prov\.muster\.example\/provisioning\/[0-9a-f]{12}\.cfg$/,
      ),
    });
  });

  it('gives clients no provisioning URL', async () => {
    const revealed = await revealDeviceCredentials(t.ctx.database.db, t.ctx, {
      companyId,
      deviceId: wp.clientId,
    });
    expect(revealed?.provisioningUrl).toBeNull();
  });

  it('re-issue keeps the SIP username and invalidates the old password at once', async () => {
    const ref = { companyId, deviceId: wp.deskPhoneId };
    const before = (await revealDeviceCredentials(t.ctx.database.db, t.ctx, ref))!;
    const oldHa1 = (await row(wp.deskPhoneId)).sipHa1;
    t.clock.advance(60_000);
    const issued = await t.ctx.database.transaction((tx) => issueDeviceCredentials(tx, t.ctx, ref));
    const after = (await revealDeviceCredentials(t.ctx.database.db, t.ctx, ref))!;
    const stored = await row(wp.deskPhoneId);
    expect(issued.sipUsername).toBe(before.sipUsername);
    expect(after.password).toBe(issued.password);
    expect(after.password).not.toBe(before.password);
    expect(stored.sipHa1).not.toBe(oldHa1);
    expect(stored.sipHa1).not.toBe(
      sipHa1(before.sipUsername, 'sip.muster.example', before.password),
    );
    expect(stored.credentialsIssuedAt?.getTime()).toBe(t.clock.now().getTime());
  });

  it('revoking removes every trace, so the registrar no longer knows the device', async () => {
    const other = await createWorkplace(t.ctx, companyId);
    const ref = { companyId, deviceId: other.deskPhoneId };
    expect(await t.ctx.database.transaction((tx) => revokeDeviceCredentials(tx, ref))).toBe(true);
    const stored = await row(other.deskPhoneId);
    expect(stored).toMatchObject({
      sipUsername: null,
      sipHa1: null,
      sipSecret: null,
      credentialsIssuedAt: null,
    });
    expect(await revealDeviceCredentials(t.ctx.database.db, t.ctx, ref)).toBeNull();
    expect(await t.ctx.database.transaction((tx) => revokeDeviceCredentials(tx, ref))).toBe(false);
  });

  it('another company cannot reach the device', async () => {
    const otherCompany = '00000000-0000-4000-8000-000000000000';
    await expect(
      revealDeviceCredentials(t.ctx.database.db, t.ctx, {
        companyId: otherCompany,
        deviceId: wp.deskPhoneId,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
