// The parts of an edit after activation that touch more than the row: numbers in the plan,
// devices with their credentials, and the section checks with the workplace's own context.
import { z } from 'zod';
import type { Language } from '../../../../common/src/i18n/index.ts';
import { parseGermanNumber } from '../../../../common/src/numbers/parse.ts';
import { normalizeMac, type RuleIssue } from '../../../../common/src/rules/workplace.ts';
import { type DraftData, type Section } from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import type { AssignmentState } from '../../db/schema/index.ts';
import type { AuditActor } from '../../platform/audit.ts';
import {
  issueDeviceCredentials,
  revokeDeviceCredentials,
} from '../credentials/credentials.service.ts';
import { requireNoErrors, serverIssue, validationFailed, type WorkplaceDeps } from './issues.ts';
import { checkSection } from './workplace.checks.ts';
import { holdNumbers, numbersOfWorkplace, releaseNumbers } from './workplace-numbers.ts';
import {
  addonsOf,
  deleteDevices,
  devicesOf,
  insertDevices,
  updateDevice,
} from './workplace-parts.repository.ts';
import { type NewWorkplace, type WorkplaceRow } from './workplaces.repository.ts';

/** The devices section of an edit: existing devices keep their id (and their credentials). */
export const devicesPatchSchema = z.object({
  devices: z
    .array(
      z.object({
        id: z.uuid().optional(),
        deviceModelId: z.uuid(),
        macAddress: z.string().max(1000).nullable().optional(),
      }),
    )
    .max(50)
    .optional(),
});

export const e164 = (value: string | null | undefined) => {
  const parsed = value?.trim() ? parseGermanNumber(value) : null;
  return parsed?.ok ? parsed.e164 : null;
};
export const text = (value: string | null | undefined) => value?.trim() || null;

export interface EditContext {
  tx: Executor;
  deps: WorkplaceDeps;
  actor: AuditActor;
  w: WorkplaceRow;
  data: DraftData;
  lang: Language;
  today: string;
}

export async function check(
  ec: EditContext,
  section: Section,
  data: DraftData,
  extra: RuleIssue[] = [],
) {
  const addons = (await addonsOf(ec.tx, ec.w.companyId, [ec.w.id], { live: true })).map(
    (a) => a.productKey,
  );
  const issues = await checkSection(
    {
      tx: ec.tx,
      deps: ec.deps,
      companyId: ec.w.companyId,
      workplaceId: ec.w.id,
      lang: ec.lang,
      existingAddons: addons,
    },
    section,
    data,
    ec.today,
  );
  requireNoErrors([...issues, ...extra], ec.lang);
}

/** The number section: numbers that left are released, new ones taken in the workplace's state. */
export async function editNumbers(
  ec: EditContext,
  next: DraftData['number'],
): Promise<Partial<NewWorkplace>> {
  const { tx, deps, actor, w } = ec;
  const main = e164(next?.mainNumber)!;
  const additional = (next?.additionalNumbers ?? []).map((n) => e164(n)!);
  const before = numbersOfWorkplace(w);
  const after = [main, ...additional];
  await releaseNumbers(
    tx,
    deps,
    actor,
    w,
    before.filter((n) => !after.includes(n)),
  );
  const state: AssignmentState = w.status === 'ordered' ? 'reserved' : 'assigned';
  await holdNumbers(
    tx,
    deps,
    actor,
    w,
    after.filter((n) => !before.includes(n)),
    state,
  );
  return {
    mainNumber: main,
    internalNumber: (next?.internalNumber ?? '').trim(),
    additionalNumbers: additional,
    nomadic: next?.nomadic ?? w.nomadic,
  };
}

/** The devices section: removed devices lose their credentials at once, new ones get theirs. */
export async function editDevices(ec: EditContext, body: z.infer<typeof devicesPatchSchema>) {
  const { tx, deps, w } = ec;
  const wanted = body.devices ?? [];
  const existing = (await devicesOf(tx, w.companyId, [w.id])).map((d) => d.device);
  const unknown = wanted.findIndex((d) => d.id && !existing.some((e) => e.id === d.id));
  if (unknown >= 0) {
    throw validationFailed(
      [serverIssue(`devices.devices.${unknown}.id`, 'device_unknown')],
      ec.lang,
    );
  }
  const data: DraftData = {
    ...ec.data,
    devices: {
      devices: wanted.map((d) => ({
        deviceModelId: d.deviceModelId,
        macAddress: d.macAddress ?? null,
      })),
    },
  };
  await check(ec, 'devices', data);
  const keep = new Set(wanted.map((d) => d.id).filter(Boolean));
  const removed = existing.filter((e) => !keep.has(e.id));
  for (const device of removed) {
    await revokeDeviceCredentials(tx, { companyId: w.companyId, deviceId: device.id });
  }
  await deleteDevices(
    tx,
    w.companyId,
    removed.map((d) => d.id),
  );
  let position = Math.max(0, ...existing.map((e) => e.position));
  const now = deps.clock.now();
  for (const d of wanted) {
    const mac = d.macAddress ? normalizeMac(d.macAddress) : null;
    if (d.id) {
      await updateDevice(tx, d.id, { deviceModelId: d.deviceModelId, macAddress: mac });
      continue;
    }
    const [row] = await insertDevices(tx, [
      {
        workplaceId: w.id,
        companyId: w.companyId,
        deviceModelId: d.deviceModelId,
        position: ++position,
        macAddress: mac,
        createdAt: now,
      },
    ]);
    if (w.status === 'active' || w.status === 'deactivated') {
      await issueDeviceCredentials(tx, deps, { companyId: w.companyId, deviceId: row!.id });
    }
  }
  return { before: existing.length, after: wanted.length };
}
