import { effectiveCallInfo, type CallInfoValue } from '../../../../common/src/rules/call-info.ts';
import type { Database, Executor } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import { recordAudit, diff, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  defaultGroup,
  deleteArea,
  deleteGroup,
  findArea,
  findGroup,
  findProfile,
  insertArea,
  insertGroup,
  insertProfile,
  listAreas,
  listGroups,
  numberBlocksInGroup,
  settingsOf,
  updateArea,
  updateGroup,
  upsertSettings,
  type AreaRow,
  type GroupRow,
} from './org.repository.ts';
import {
  groupUsage,
  releaseArea,
  releaseGroup,
  workplaceCountsByGroup,
  workplacesInArea,
} from '../workplaces/org-usage.ts';

export interface OrgDeps {
  database: Database;
  clock: Clock;
}

const fieldError = (code: string, field: string, status = 400) =>
  new AppError(code, status, { details: [{ field, rule: code }] });

/**
 * What every company gets with its contract (seed 003): a default group/location from the contract
 * address, the built-in "Systemsperrprofil" as its standard blocking profile.
 */
export async function setUpCompanyOrg(
  tx: Executor,
  company: { id: string },
  address: { street: string; postalCode: string; city: string },
  now: Date,
): Promise<{ groupId: string; profileId: string }> {
  const group = await insertGroup(tx, {
    companyId: company.id,
    name: `${address.city}, ${address.street}`,
    shortCode: 'STD',
    street: address.street,
    postalCode: address.postalCode,
    city: address.city,
    isDefault: true,
    createdAt: now,
    updatedAt: now,
  });
  const profile = await insertProfile(tx, {
    companyId: company.id,
    name: 'Systemsperrprofil',
    description: 'Erlaubt alle Verbindungen.',
    isSystem: true,
    createdAt: now,
    updatedAt: now,
  });
  await upsertSettings(tx, company.id, { standardBlockingProfileId: profile.id, callInfo: null });
  return { groupId: group.id, profileId: profile.id };
}

export interface GroupInput {
  name: string;
  shortCode: string;
  street: string;
  postalCode: string;
  city: string;
  timeZone: string;
  dialCode?: string | null | undefined;
}

function presentGroup(g: GroupRow, areas: AreaRow[], numberBlocks: number, workplaces = 0) {
  return {
    id: g.id,
    name: g.name,
    shortCode: g.shortCode,
    street: g.street,
    postalCode: g.postalCode,
    city: g.city,
    timeZone: g.timeZone,
    dialCode: g.dialCode,
    isDefault: g.isDefault,
    blockingProfileId: g.blockingProfileId,
    callInfo: g.callInfo,
    areas: areas
      .filter((a) => a.groupId === g.id)
      .map((a) => ({ id: a.id, name: a.name, callInfo: a.callInfo })),
    numberBlocks,
    workplaces,
  };
}

const withoutTimestamps = (g: GroupRow): Record<string, unknown> =>
  Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'createdAt' && k !== 'updatedAt'));

export async function groupOverview(deps: OrgDeps, companyId: string) {
  const db = deps.database.db;
  const [groupRows, areaRows] = await Promise.all([
    listGroups(db, companyId),
    listAreas(db, companyId),
  ]);
  const counts = await Promise.all(groupRows.map((g) => numberBlocksInGroup(db, g.id)));
  const workplaces = await workplaceCountsByGroup(db, companyId);
  return groupRows.map((g, i) => presentGroup(g, areaRows, counts[i]!, workplaces.get(g.id) ?? 0));
}

function groupConflict(err: unknown): never {
  const constraint = uniqueViolation(err);
  if (constraint?.includes('name')) {
    throw fieldError('group_name_taken', 'name', 409);
  }
  if (constraint?.includes('code') && !constraint.includes('dial')) {
    throw fieldError('group_code_taken', 'shortCode', 409);
  }
  if (constraint?.includes('dial')) {
    throw fieldError('group_dial_code_taken', 'dialCode', 409);
  }
  throw err;
}

export async function createGroup(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  input: GroupInput,
) {
  const now = deps.clock.now();
  try {
    return await deps.database.transaction(async (tx) => {
      const group = await insertGroup(tx, {
        companyId,
        ...input,
        dialCode: input.dialCode ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actor,
        companyId,
        entity: 'group',
        entityId: group.id,
        action: 'created',
        after: input,
        at: now,
      });
      return presentGroup(group, [], 0);
    });
  } catch (err) {
    groupConflict(err);
  }
}

export async function editGroup(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  groupId: string,
  input: Partial<GroupInput> & {
    blockingProfileId?: string | null;
    callInfo?: CallInfoValue | null;
  },
) {
  const now = deps.clock.now();
  try {
    return await deps.database.transaction(async (tx) => {
      const before = await findGroup(tx, companyId, groupId);
      if (!before) {
        throw notFound();
      }
      if (input.blockingProfileId && !(await findProfile(tx, companyId, input.blockingProfileId))) {
        throw fieldError('profile_unknown', 'blockingProfileId');
      }
      const after = await updateGroup(tx, groupId, { ...input, updatedAt: now });
      await recordAudit(tx, {
        actor,
        companyId,
        entity: 'group',
        entityId: groupId,
        action: 'updated',
        ...diff(withoutTimestamps(before), withoutTimestamps(after!)),
        at: now,
      });
      const areaRows = (await listAreas(tx, companyId)).filter((x) => x.groupId === groupId);
      const { workplaces } = await groupUsage(tx, groupId);
      return presentGroup(after!, areaRows, await numberBlocksInGroup(tx, groupId), workplaces);
    });
  } catch (err) {
    groupConflict(err);
  }
}

/** Refused for the default group and while the group has numbers, areas or workplaces. */
export async function removeGroup(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  groupId: string,
) {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const group = await findGroup(tx, companyId, groupId);
    if (!group) {
      throw notFound();
    }
    if (group.isDefault) {
      throw new AppError('group_is_default', 409);
    }
    const blocks = await numberBlocksInGroup(tx, groupId);
    if (blocks > 0) {
      throw new AppError('group_has_numbers', 409, { params: { count: blocks } });
    }
    if ((await listAreas(tx, companyId)).some((a) => a.groupId === groupId)) {
      throw new AppError('group_has_areas', 409);
    }
    const usage = await groupUsage(tx, groupId);
    if (usage.workplaces > 0) {
      throw new AppError('group_has_workplaces', 409, { params: { count: usage.workplaces } });
    }
    if (usage.templates > 0) {
      throw new AppError('group_has_templates', 409, {
        messageKey: 'validation.workplace.group_has_templates',
      });
    }
    const fallback = await defaultGroup(tx, companyId);
    if (fallback) {
      await releaseGroup(tx, companyId, groupId, fallback.id);
    }
    await deleteGroup(tx, groupId);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'group',
      entityId: groupId,
      action: 'deleted',
      before: { name: group.name },
      at: now,
    });
  });
}

export async function createArea(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  groupId: string,
  input: { name: string; callInfo?: CallInfoValue | null | undefined },
) {
  const now = deps.clock.now();
  try {
    return await deps.database.transaction(async (tx) => {
      if (!(await findGroup(tx, companyId, groupId))) {
        throw notFound();
      }
      const area = await insertArea(tx, {
        companyId,
        groupId,
        name: input.name,
        callInfo: input.callInfo ?? null,
        createdAt: now,
      });
      await recordAudit(tx, {
        actor,
        companyId,
        entity: 'area',
        entityId: area.id,
        action: 'created',
        after: { groupId, ...input },
        at: now,
      });
      return { id: area.id, name: area.name, callInfo: area.callInfo };
    });
  } catch (err) {
    if (uniqueViolation(err)) {
      throw fieldError('area_name_taken', 'name', 409);
    }
    throw err;
  }
}

export async function editArea(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  areaId: string,
  input: { name?: string | undefined; callInfo?: CallInfoValue | null | undefined },
) {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const before = await findArea(tx, companyId, areaId);
    if (!before) {
      throw notFound();
    }
    const after = await updateArea(tx, areaId, input);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'area',
      entityId: areaId,
      action: 'updated',
      ...diff(
        { name: before.name, callInfo: before.callInfo },
        { name: after!.name, callInfo: after!.callInfo },
      ),
      at: now,
    });
    return { id: after!.id, name: after!.name, callInfo: after!.callInfo };
  });
}

/** Refused while workplaces belong to the area (the workplace issue adds them). */
export async function removeArea(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  areaId: string,
) {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const area = await findArea(tx, companyId, areaId);
    if (!area) {
      throw notFound();
    }
    const workplaces = await workplacesInArea(tx, areaId);
    if (workplaces > 0) {
      throw new AppError('area_has_workplaces', 409, { params: { count: workplaces } });
    }
    await releaseArea(tx, companyId, areaId);
    await deleteArea(tx, areaId);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'area',
      entityId: areaId,
      action: 'deleted',
      before: { name: area.name },
      at: now,
    });
  });
}

export async function setCompanyCallInfo(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  callInfo: CallInfoValue | null,
) {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const before = await settingsOf(tx, companyId);
    await upsertSettings(tx, companyId, { callInfo });
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'company_settings',
      entityId: companyId,
      action: 'call_info_changed',
      before: before?.callInfo ?? null,
      after: callInfo,
      at: now,
    });
  });
}

export async function companyCallInfo(deps: OrgDeps, companyId: string) {
  return (await settingsOf(deps.database.db, companyId))?.callInfo ?? null;
}

/** The call information a workplace in this group/area gets, and where it comes from. */
export async function callInfoFor(
  deps: OrgDeps,
  companyId: string,
  groupId: string,
  areaId?: string | null,
) {
  const db = deps.database.db;
  const [settings, group, area] = await Promise.all([
    settingsOf(db, companyId),
    findGroup(db, companyId, groupId),
    areaId ? findArea(db, companyId, areaId) : Promise.resolve(null),
  ]);
  if (!group || (areaId && (!area || area.groupId !== groupId))) {
    throw notFound();
  }
  return effectiveCallInfo([
    { level: 'company', value: settings?.callInfo ?? null },
    { level: 'group', value: group.callInfo },
    { level: 'area', value: area?.callInfo ?? null },
  ]);
}

export { defaultGroup };
