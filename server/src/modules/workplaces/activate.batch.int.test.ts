// The set-based activation (activate.batch.ts) against the step-by-step one (activate.item.ts):
// the same workplaces ordered once through each must leave the same rows behind — accounts,
// credentials, number history, add-ons, audit entries, mails and step outputs — and a batch with
// one item that cannot run must leave the others activated exactly once.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  numberAssignments,
  orderItems,
  orderItemSteps,
  outbox,
  users,
  workplaceAddons,
  workplaceDevices,
  workplaces,
} from '../../db/schema/index.ts';
import { decrypt } from '../../platform/crypto.ts';
import type { Session } from '../../test/api-client.ts';
import { sipHa1 } from '../credentials/credentials.rules.ts';
import { registerItemType } from '../orders/item-types.ts';
import { activateBatch } from './activate.batch.ts';
import { activateItemType } from './activate.item.ts';
import { registerWorkplaceItemTypes } from './register.ts';
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
/** Sizes of the batches activateBatch was called with. */
const batches: number[] = [];

beforeAll(async () => {
  w = await createWorkplacesTestApp();
  await addBlock(w, { number: '0228 1234', extensionLength: 3 });
  admin = await login(w.t.app, 'demo-admin');
});
afterAll(() => {
  registerWorkplaceItemTypes();
  return w.t.close();
});

const db = () => w.t.ctx.database.db;

function useBatch(on: boolean): void {
  registerItemType(
    on
      ? {
          ...activateItemType,
          invokeBatch: (ctx, entries) => {
            batches.push(entries.length);
            return activateBatch(ctx, entries);
          },
        }
      : activateItemType,
  );
}

/** n-th test workplace: two devices, the conference add-on, extra numbers for some. */
function draftOf(n: number) {
  const data = completeDraft(w, n);
  if (n % 2 === 0) {
    data.number!.additionalNumbers = [`0228 1234${600 + n}`, `0228 1234${700 + n}`];
  }
  return data;
}

/** Puts the workplaces into the cart and orders them in one order; their ids. */
async function orderWorkplaces(ns: number[]): Promise<string[]> {
  const ids = [];
  for (const n of ns) {
    const draftId = await fillDraft(w, admin, draftOf(n));
    const res = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/cart`);
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ workplaceId: string }>().workplaceId);
  }
  await orderCart(w, admin);
  return ids;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Ids, the workplace's own numbers (by their offset from its main number) and n made neutral. */
function neutral<T>(value: T, n: number): T {
  const text = JSON.stringify(value)
    .replace(UUID, 'ID')
    .replace(/\+492281234(\d{3})/g, (_, ext: string) => `E+${Number(ext) - 200 - n}`)
    .replaceAll(String(n), 'n');
  return JSON.parse(text) as T;
}

/** Everything an activation leaves behind, with ids, times and secrets replaced by their shape. */
async function footprint(workplaceId: string, n: number) {
  const [wp] = await db().select().from(workplaces).where(eq(workplaces.id, workplaceId));
  const [user] = await db().select().from(users).where(eq(users.id, wp!.userId!));
  const devices = await db()
    .select()
    .from(workplaceDevices)
    .where(eq(workplaceDevices.workplaceId, workplaceId))
    .orderBy(asc(workplaceDevices.position));
  const numbers = await db()
    .select()
    .from(numberAssignments)
    .where(eq(numberAssignments.targetId, workplaceId))
    .orderBy(asc(numberAssignments.e164), asc(numberAssignments.createdAt));
  const addons = await db()
    .select()
    .from(workplaceAddons)
    .where(eq(workplaceAddons.workplaceId, workplaceId));
  const audit = await db()
    .select({ entity: auditLog.entity, action: auditLog.action, changes: auditLog.changes })
    .from(auditLog)
    .where(inArray(auditLog.entityId, [workplaceId, ...numbers.map((a) => a.e164)]));
  const mails = await db().select().from(outbox).where(eq(outbox.recipient, wp!.authEmail));
  const [item] = await db()
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(eq(orderItems.subjectId, workplaceId));
  const steps = await db()
    .select({
      stepId: orderItemSteps.stepId,
      status: orderItemSteps.status,
      output: orderItemSteps.output,
    })
    .from(orderItemSteps)
    .where(eq(orderItemSteps.itemId, item!.id));
  return neutral(
    {
      workplace: {
        status: wp!.status,
        minimumTermEnd: wp!.minimumTermEnd,
        activated: wp!.activatedAt !== null,
      },
      user: {
        kind: user!.kind,
        username: user!.username,
        email: user!.email,
        displayName: user!.displayName,
        language: user!.language,
        companyId: user!.companyId,
        passwordHash: user!.passwordHash,
      },
      devices: devices.map((d) => {
        const password = decrypt(w.t.ctx.config.secret, Buffer.from(d.sipSecret!, 'base64'));
        return {
          sipUsername: /^\d{12}$/.test(d.sipUsername ?? ''),
          ha1: d.sipHa1 === sipHa1(d.sipUsername!, w.t.ctx.config.sip.realm, password.toString()),
          issued: d.credentialsIssuedAt !== null,
        };
      }),
      numbers: numbers.map((a) => ({
        e164: a.e164,
        state: a.state,
        released: a.releasedAt !== null,
        label: a.targetLabel,
      })),
      addons: addons.map((a) => ({
        key: a.productKey,
        status: a.status,
        activeFrom: a.activeFrom,
        minimumTermEnd: a.minimumTermEnd,
      })),
      audit: audit.map((a) => JSON.stringify([a.entity, a.action, a.changes])).sort(),
      mails: mails.map((m) => ({
        template: m.template,
        subject: m.subject,
        body: m.body,
        status: m.status,
      })),
      steps: steps
        .map((s) => ({ ...s, output: s.output }))
        .sort((a, b) => a.stepId.localeCompare(b.stepId)),
    },
    n,
  );
}

describe('workplace.activate for a whole order at once (issue 6: batch execution)', () => {
  it('leaves exactly what the step-by-step activation leaves', async () => {
    useBatch(false);
    const single = await orderWorkplaces([41, 42, 43]);
    expect(batches).toEqual([]);
    useBatch(true);
    const batched = await orderWorkplaces([51, 52, 53]);
    expect(batches).toEqual([3]);
    for (const [i, id] of batched.entries()) {
      const expected = await footprint(single[i]!, 41 + i);
      const got = await footprint(id, 51 + i);
      expect(got.workplace.status).toBe('active');
      expect(got.devices).toEqual([
        { sipUsername: true, ha1: true, issued: true },
        { sipUsername: true, ha1: true, issued: true },
      ]);
      expect(got.numbers.filter((a) => !a.released).every((a) => a.state === 'assigned')).toBe(
        true,
      );
      expect(got.mails).toHaveLength(1);
      expect(got.steps.map((x) => x.status)).toEqual(Array(5).fill('done'));
      expect(got).toEqual(expected);
    }
  });

  it('a batch with one item that cannot run: the others are activated once, that one fails', async () => {
    useBatch(true);
    batches.length = 0;
    const ids = [];
    for (const n of [61, 62, 63]) {
      const draftId = await fillDraft(w, admin, draftOf(n));
      const res = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/cart`);
      ids.push(res.json<{ workplaceId: string }>().workplaceId);
    }
    // Someone takes the second one's username as a portal login before the order runs.
    const now = w.t.clock.now();
    await db()
      .insert(users)
      .values({ kind: 'portal', username: 'max.muster62', createdAt: now, updatedAt: now });
    const cart = (await api(w, admin, 'GET', '/api/v1/cart')).json();
    const placed = await api(w, admin, 'POST', '/api/v1/cart/order', {
      priceToken: cart.priceToken,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    for (let i = 0; i < 12; i++) {
      await w.t.ctx.jobs.drain();
      w.t.clock.advance(60_000);
    }
    expect(batches).toEqual([3]);
    const statuses = await db()
      .select({ id: workplaces.id, status: workplaces.status })
      .from(workplaces)
      .where(inArray(workplaces.id, ids));
    const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
    expect(ids.map((id) => statusOf.get(id))).toEqual(['active', 'ordered', 'active']);
    for (const id of [ids[0]!, ids[2]!]) {
      const activated = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'activated')));
      expect(activated).toHaveLength(1);
      const held = await db()
        .select()
        .from(numberAssignments)
        .where(and(eq(numberAssignments.targetId, id), isNull(numberAssignments.releasedAt)));
      expect(held.map((a) => a.state)).toEqual(['assigned']);
    }
    const items = await db()
      .select({ subjectId: orderItems.subjectId, status: orderItems.status })
      .from(orderItems)
      .where(inArray(orderItems.subjectId, ids));
    const itemStatus = new Map(items.map((x) => [x.subjectId, x.status]));
    expect(ids.map((id) => itemStatus.get(id))).toEqual(['done', 'failed', 'done']);
  });
});
