import {
  ruleProblem,
  type BarringRule,
  type Category,
  type Direction,
} from '../../../../common/src/rules/barring.ts';
import { recordAudit, type AuditActor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../db/client.ts';
import { uniqueViolation } from '../../db/errors.ts';
import {
  deleteProfile,
  findGroup,
  findProfile,
  groupsUsingProfile,
  insertProfile,
  listProfiles,
  replaceRules,
  rulesOf,
  settingsOf,
  updateProfile,
  upsertSettings,
  type ProfileRow,
  type RuleRow,
} from './org.repository.ts';
import type { OrgDeps } from './org.service.ts';
import { profileUsage } from '../workplaces/org-usage.ts';

export interface RuleInput {
  direction: Direction;
  category: Category | 'custom';
  prefix?: string | null | undefined;
  effect: 'bar' | 'allow';
}

const toRule = (r: RuleInput | RuleRow): BarringRule => ({
  direction: r.direction,
  category: r.category as BarringRule['category'],
  prefix: r.prefix ?? null,
  effect: r.effect,
});

function presentProfile(p: ProfileRow, rules: RuleRow[], standardId: string | null) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    isSystem: p.isSystem,
    isStandard: p.id === standardId,
    rules: rules.filter((r) => r.profileId === p.id).map(toRule),
  };
}
export type ProfileOutput = ReturnType<typeof presentProfile>;

/** Checks every rule (110/112 can never be barred); throws naming the rule's index. */
function checkRules(rules: RuleInput[]): void {
  const details = rules.flatMap((r, i) => {
    const problem = ruleProblem(toRule(r));
    return problem ? [{ field: `rules.${i}`, rule: `barring_${problem}` }] : [];
  });
  if (details.length > 0) {
    throw new AppError(details[0]!.rule, 400, { details });
  }
}

export async function profileOverview(deps: OrgDeps, companyId: string) {
  const db = deps.database.db;
  const [profiles, settings] = await Promise.all([
    listProfiles(db, companyId),
    settingsOf(db, companyId),
  ]);
  const rules = await rulesOf(
    db,
    profiles.map((p) => p.id),
  );
  return profiles.map((p) => presentProfile(p, rules, settings?.standardBlockingProfileId ?? null));
}

export async function createProfile(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  input: { name: string; description?: string | undefined; rules: RuleInput[] },
) {
  checkRules(input.rules);
  const now = deps.clock.now();
  try {
    return await deps.database.transaction(async (tx) => {
      const profile = await insertProfile(tx, {
        companyId,
        name: input.name,
        description: input.description ?? '',
        createdAt: now,
        updatedAt: now,
      });
      await replaceRules(
        tx,
        profile.id,
        input.rules.map((r) => ({ ...toRule(r) })),
      );
      await recordAudit(tx, {
        actor,
        companyId,
        entity: 'blocking_profile',
        entityId: profile.id,
        action: 'created',
        after: input,
        at: now,
      });
      return presentProfile(profile, await rulesOf(tx, [profile.id]), null);
    });
  } catch (err) {
    if (uniqueViolation(err)) {
      throw new AppError('profile_name_taken', 409, {
        details: [{ field: 'name', rule: 'unique' }],
      });
    }
    throw err;
  }
}

export async function editProfile(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  profileId: string,
  input: {
    name?: string | undefined;
    description?: string | undefined;
    rules?: RuleInput[] | undefined;
  },
) {
  if (input.rules) {
    checkRules(input.rules);
  }
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const before = await findProfile(tx, companyId, profileId);
    if (!before) {
      throw notFound();
    }
    if (before.isSystem) {
      throw new AppError('profile_is_system', 409);
    }
    const oldRules = (await rulesOf(tx, [profileId])).map(toRule);
    await updateProfile(tx, profileId, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      updatedAt: now,
    });
    if (input.rules) {
      await replaceRules(tx, profileId, input.rules.map(toRule));
    }
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'blocking_profile',
      entityId: profileId,
      action: 'updated',
      before: { name: before.name, rules: oldRules },
      after: { name: input.name ?? before.name, rules: input.rules ?? oldRules },
      at: now,
    });
    const settings = await settingsOf(tx, companyId);
    const profile = await findProfile(tx, companyId, profileId);
    return presentProfile(
      profile!,
      await rulesOf(tx, [profileId]),
      settings?.standardBlockingProfileId ?? null,
    );
  });
}

/** Refused for the system profile and while the profile is in use. */
export async function removeProfile(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  profileId: string,
) {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const profile = await findProfile(tx, companyId, profileId);
    if (!profile) {
      throw notFound();
    }
    if (profile.isSystem) {
      throw new AppError('profile_is_system', 409);
    }
    const settings = await settingsOf(tx, companyId);
    if (
      settings?.standardBlockingProfileId === profileId ||
      (await groupsUsingProfile(tx, profileId)) > 0 ||
      (await profileUsage(tx, profileId)) > 0
    ) {
      throw new AppError('profile_in_use', 409);
    }
    await deleteProfile(tx, profileId);
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'blocking_profile',
      entityId: profileId,
      action: 'deleted',
      before: { name: profile.name },
      at: now,
    });
  });
}

/** Makes a profile the company's standard profile. */
export async function setStandardProfile(
  deps: OrgDeps,
  actor: AuditActor,
  companyId: string,
  profileId: string,
) {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    if (!(await findProfile(tx, companyId, profileId))) {
      throw new AppError('profile_unknown', 400, {
        details: [{ field: 'profileId', rule: 'exists' }],
      });
    }
    const before = await settingsOf(tx, companyId);
    await upsertSettings(tx, companyId, { standardBlockingProfileId: profileId });
    await recordAudit(tx, {
      actor,
      companyId,
      entity: 'company_settings',
      entityId: companyId,
      action: 'standard_profile_changed',
      before: { profileId: before?.standardBlockingProfileId ?? null },
      after: { profileId },
      at: now,
    });
  });
}

export type ProfileSource = 'workplace' | 'group' | 'company';

/**
 * The effective blocking profile of a target: the workplace's own, else its group's, else the
 * company's standard profile — with its final rules and where it comes from ("Details anzeigen").
 * The telephony integration uses this.
 */
export async function effectiveBarring(
  db: Executor,
  companyId: string,
  target: { groupId: string; workplaceProfileId?: string | null },
): Promise<{ profile: ProfileOutput; source: ProfileSource }> {
  const [group, settings] = await Promise.all([
    findGroup(db, companyId, target.groupId),
    settingsOf(db, companyId),
  ]);
  if (!group) {
    throw notFound();
  }
  const [profileId, source]: [string | null | undefined, ProfileSource] = target.workplaceProfileId
    ? [target.workplaceProfileId, 'workplace']
    : group.blockingProfileId
      ? [group.blockingProfileId, 'group']
      : [settings?.standardBlockingProfileId, 'company'];
  const profile = profileId ? await findProfile(db, companyId, profileId) : null;
  if (!profile) {
    throw new AppError('profile_missing', 409);
  }
  const rules = await rulesOf(db, [profile.id]);
  return {
    profile: presentProfile(profile, rules, settings?.standardBlockingProfileId ?? null),
    source,
  };
}
