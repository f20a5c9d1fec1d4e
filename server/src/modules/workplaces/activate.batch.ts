// `workplace.activate` for many workplaces of one order at once (ItemType.invokeBatch): the same
// five steps and effects as activate.item.ts — numbers assigned, end-user accounts, SIP
// credentials, active with the minimum term and add-ons started, activation mails — each as a
// few set-based statements for the whole batch instead of some twenty statements per workplace.
// Anything unexpected throws: the batch rolls back and its items run one by one.
import { minimumTermEnd } from '../../../../common/src/rules/workplace.ts';
import { recordAudits } from '../../platform/audit.ts';
import { queueMails } from '../../platform/notifications/notifications.service.ts';
import { insertUsers } from '../auth/users.repository.ts';
import { findProduct } from '../catalog/catalog.repository.ts';
import { issueManyDeviceCredentials } from '../credentials/credentials.service.ts';
import { releaseHeldAudited } from '../numbers/assignments.repository.ts';
import { assignNumbers } from '../numbers/numbers.assign.ts';
import type { BatchContext, BatchEntry, BatchOutputs } from '../orders/item-types.ts';
import { activatedEntry, activationMail } from './activate.item.ts';
import { activateWorkplaces, lockWorkplaces, startAddons } from './activate.repository.ts';
import { displayName, type ActivatePayload } from './workplace-values.ts';
import { labelOf, numbersOfWorkplace } from './workplace-numbers.ts';
import { addonsOf, devicesOf } from './workplace-parts.repository.ts';
import type { WorkplaceRow } from './workplaces.repository.ts';

const groupBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) {
      list.push(item);
    } else {
      map.set(k, [item]);
    }
  }
  return map;
};

/** Step 1: reserved numbers become assigned (released + assigned, each with its audit entry). */
async function assignAll(ctx: BatchContext, rows: WorkplaceRow[], now: Date) {
  const { tx, deps, actor, companyId } = ctx;
  const holds = rows.flatMap((w) =>
    numbersOfWorkplace(w).map((e164) => ({ e164, targetType: 'workplace', targetId: w.id })),
  );
  const released = await releaseHeldAudited(tx, companyId, holds, 'assigned', {
    actorId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    at: now,
  });
  const byId = new Map(rows.map((w) => [w.id, w]));
  await assignNumbers(
    deps,
    actor,
    companyId,
    released.map((r) => ({
      number: r.e164,
      target: { type: 'workplace', id: r.targetId, label: labelOf(byId.get(r.targetId)!) },
      state: 'assigned' as const,
    })),
    tx,
    { audited: true },
  );
  return groupBy(released, (r) => r.targetId);
}

/** Step 2: the end users' accounts (none yet: username = login, no password until first login). */
async function createUsers(ctx: BatchContext, rows: WorkplaceRow[], now: Date) {
  const fresh = rows.filter((w) => !w.userId);
  const created = await insertUsers(
    ctx.tx,
    fresh.map((w) => ({
      kind: 'end_user' as const,
      username: w.username,
      email: w.authEmail,
      displayName: displayName(w),
      companyId: ctx.companyId,
      language: w.language,
      now,
    })),
  );
  const byName = new Map(created.map((u) => [u.username, u.id]));
  return new Map(
    rows.map((w) => {
      const userId = w.userId ?? byName.get(w.username.trim().toLowerCase());
      if (!userId) {
        throw new Error(`no account created for workplace ${w.id}`);
      }
      return [w.id, { userId, created: !w.userId }];
    }),
  );
}

/** Step 3: SIP credentials for every device that has none. */
async function issueCredentials(ctx: BatchContext, ids: string[]) {
  const devices = (await devicesOf(ctx.tx, ctx.companyId, ids))
    .map((d) => d.device)
    .filter((d) => !d.sipHa1);
  await issueManyDeviceCredentials(ctx.tx, ctx.deps, ctx.companyId, devices);
  return groupBy(devices, (d) => d.workplaceId);
}

/** Step 4's add-ons: those ordered start now, each with its product's minimum term. */
async function startOrderedAddons(ctx: BatchContext, ids: string[], now: Date) {
  const ordered = (await addonsOf(ctx.tx, ctx.companyId, ids)).filter(
    (a) => a.status === 'ordered',
  );
  const terms = new Map<string, string>();
  for (const key of new Set(ordered.map((a) => a.productKey))) {
    const product = await findProduct(ctx.tx, key);
    terms.set(key, minimumTermEnd(ctx.today, product?.minimumTermDays));
  }
  await startAddons(
    ctx.tx,
    ctx.companyId,
    ordered.map((a) => ({ id: a.id, minimumTermEnd: terms.get(a.productKey)! })),
    ctx.today,
    now,
  );
  return groupBy(ordered, (a) => a.workplaceId);
}

export async function activateBatch(
  ctx: BatchContext,
  entries: BatchEntry<ActivatePayload>[],
): Promise<BatchOutputs> {
  const ids = entries.map((e) => e.payload.workplaceId);
  const rows = await lockWorkplaces(ctx.tx, ctx.companyId, ids);
  if (new Set(ids).size !== ids.length || rows.length !== ids.length) {
    throw new Error('a workplace of the batch is gone or appears twice');
  }
  const now = ctx.deps.clock.now();
  const numbers = await assignAll(ctx, rows, now);
  const users = await createUsers(ctx, rows, now);
  const devices = await issueCredentials(ctx, ids);
  const activated = await activateWorkplaces(
    ctx.tx,
    ctx.companyId,
    rows.map((w) => ({ id: w.id, userId: users.get(w.id)!.userId })),
    { activatedAt: now, minimumTermEnd: minimumTermEnd(ctx.today) },
  );
  if (activated !== rows.length) {
    throw new Error('not every workplace of the batch was activated');
  }
  const addons = await startOrderedAddons(ctx, ids, now);
  await recordAudits(
    ctx.tx,
    rows.map((w) => activatedEntry(ctx, w, now)),
  );
  const outboxIds = await queueMails(
    ctx.tx,
    ctx.deps,
    rows.map((w) => activationMail(ctx, w)),
  );
  const byWorkplace = new Map(rows.map((w, i) => [w.id, { w, outboxId: outboxIds[i]! }]));
  return new Map(
    entries.map(({ item, payload }) => {
      const { w, outboxId } = byWorkplace.get(payload.workplaceId)!;
      return [
        item.id,
        [
          {
            stepId: 'assign-numbers',
            output: { numbers: (numbers.get(w.id) ?? []).map((r) => r.e164) },
          },
          { stepId: 'create-user', output: users.get(w.id)! },
          {
            stepId: 'issue-device-credentials',
            output: { devices: (devices.get(w.id) ?? []).map((d) => d.id) },
          },
          { stepId: 'activate', output: { addons: (addons.get(w.id) ?? []).map((a) => a.id) } },
          { stepId: 'send-activation-mail', output: { outboxId } },
        ],
      ];
    }),
  );
}
