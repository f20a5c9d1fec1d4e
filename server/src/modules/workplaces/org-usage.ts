// What the company structure (modules/org) asks of the workplaces: how many workplaces and
// templates use a group, an area or a blocking profile — deleting them is refused while they do.
import type { Executor } from '../../db/client.ts';
import {
  detachAreaFromTemplates,
  templatesInGroup,
  templatesUsingProfile,
} from './drafts.repository.ts';
import {
  countInArea,
  countInGroup,
  countsByGroup,
  countUsingProfile,
  detachDeleted,
} from './workplaces.repository.ts';

/** Live (not deleted) workplaces per group of a company: the group list's counts. */
export const workplaceCountsByGroup = (db: Executor, companyId: string) =>
  countsByGroup(db, companyId);

export async function groupUsage(db: Executor, groupId: string) {
  const [workplaces, templates] = await Promise.all([
    countInGroup(db, groupId),
    templatesInGroup(db, groupId),
  ]);
  return { workplaces, templates };
}

export const workplacesInArea = (db: Executor, areaId: string) => countInArea(db, areaId);

/**
 * Call before an area is deleted (after the refusal check): templates that named it keep only
 * their group, deleted workplaces lose it.
 */
export async function releaseArea(db: Executor, companyId: string, areaId: string) {
  await detachAreaFromTemplates(db, companyId, areaId);
  await detachDeleted(db, companyId, { areaId });
}

/** Call before a group is deleted: deleted workplaces (history only) move to the default group. */
export const releaseGroup = (
  db: Executor,
  companyId: string,
  groupId: string,
  defaultGroupId: string,
) => detachDeleted(db, companyId, { groupId, defaultGroupId });

export async function profileUsage(db: Executor, profileId: string): Promise<number> {
  const [workplaces, templates] = await Promise.all([
    countUsingProfile(db, profileId),
    templatesUsingProfile(db, profileId),
  ]);
  return workplaces + templates;
}
