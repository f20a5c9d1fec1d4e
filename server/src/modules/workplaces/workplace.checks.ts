// The rules of seed 001 that need the database, next to the pure ones of common/: uniqueness of
// username and internal number, numbers of the company and the group, groups, areas, profiles and
// device models of the company, add-on dependencies with the company's facts, mobile integration.
// Every check takes any number of drafts — the wizard's one, a list import's thousands — and
// reads what it needs once; every function returns RuleIssues (the shape of common/src/rules)
// and never throws for input.
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import {
  draftIssues,
  sectionIssues,
  SECTIONS,
  type DraftData,
  type Section,
  type SectionContext,
} from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import { activeAssignmentsOf } from '../numbers/assignments.repository.ts';
import { inventory } from '../numbers/inventory-cache.ts';
import { parsedNumber, placeOf } from '../numbers/numbers.assign.ts';
import {
  defaultGroup,
  findGroup,
  listAreas,
  listGroups,
  listProfiles,
} from '../org/org.repository.ts';
import { serverIssue, type WorkplaceDeps } from './issues.ts';
import { addonChecks, deviceChecks, mobileChecks } from './workplace-parts.checks.ts';
import { internalNumbersTaken, usernamesTaken } from './workplaces.repository.ts';

export {
  addonIssuesFor,
  deviceIssuesFor,
  deviceModelsById,
  WORKPLACE_ADDON_KINDS,
} from './workplace-parts.checks.ts';

export interface CheckContext {
  tx: Executor;
  deps: WorkplaceDeps;
  companyId: string;
  /** The workplace the data belong to (in the cart or set up), else null for new workplaces. */
  workplaceId: string | null;
  lang: Language;
  /** Add-ons the workplace already carries (edits after activation). */
  existingAddons?: readonly string[];
}

/** Issues per draft, in the order of the drafts. */
type Check = (ctx: CheckContext, drafts: readonly DraftData[]) => Promise<RuleIssue[][]>;

/** The group the data name, or the company's default group ("Wenn Sie keine Auswahl treffen"). */
export async function resolveGroupId(
  db: Executor,
  companyId: string,
  data: DraftData,
): Promise<string | null> {
  const chosen = data.group?.groupId;
  if (chosen) {
    return (await findGroup(db, companyId, chosen))?.id ?? null;
  }
  return (await defaultGroup(db, companyId))?.id ?? null;
}

/** The company's groups and areas, read once for many drafts. */
async function orgOf(db: Executor, companyId: string) {
  const [groups, areas] = await Promise.all([listGroups(db, companyId), listAreas(db, companyId)]);
  const groupIds = new Set(groups.map((g) => g.id));
  const defaultId = groups.find((g) => g.isDefault)?.id ?? null;
  return {
    groupIds,
    areaGroup: new Map(areas.map((a) => [a.id, a.groupId])),
    /** resolveGroupId without a query. */
    groupOf: (data: DraftData) => {
      const chosen = data.group?.groupId;
      return chosen ? (groupIds.has(chosen) ? chosen : null) : defaultId;
    },
  };
}

const groupChecks: Check = async (ctx, drafts) => {
  const org = await orgOf(ctx.tx, ctx.companyId);
  return drafts.map((data) => {
    const { groupId, areaId } = data.group ?? {};
    const issues: RuleIssue[] = [];
    if (groupId && !org.groupIds.has(groupId)) {
      issues.push(serverIssue('group.groupId', 'group_unknown'));
    }
    if (areaId) {
      const areaGroup = org.areaGroup.get(areaId);
      const resolved = org.groupOf(data);
      if (!areaGroup || (resolved && areaGroup !== resolved)) {
        issues.push(serverIssue('group.areaId', 'area_unknown'));
      }
    }
    return issues;
  });
};

const loginChecks: Check = async (ctx, drafts) => {
  const names = drafts.map((data) => (data.login?.username ?? '').trim());
  const checked = names.filter((u) => u.length >= 5);
  const taken = await usernamesTaken(ctx.tx, checked, ctx.workplaceId);
  return names.map((username) =>
    username.length >= 5 && taken.has(username.toLowerCase())
      ? [serverIssue('login.username', 'username_taken', { username })]
      : [],
  );
};

type NumberProblem = 'number_not_in_company' | 'number_not_in_group' | 'number_taken';

export interface NumberCheck {
  problem: NumberProblem | null;
  e164: string | null;
  /** The block's extension length (for proposing the internal number). */
  extensionLength: number;
}

/**
 * Whether numbers belong to the company (and to the group, when given) and are free — or held by
 * the context's workplace itself. Unparsable numbers have no problem here (the pure rules say
 * why). The inventory and the holders are read once for all numbers.
 */
export async function numberProblems(
  ctx: Pick<CheckContext, 'tx' | 'deps' | 'companyId' | 'workplaceId'>,
  asks: readonly { number: string; groupId: string | null }[],
): Promise<NumberCheck[]> {
  const parsed = asks.map((a) => parsedNumber(a.number));
  const e164s = parsed.flatMap((p) => (p.ok ? [p.e164] : []));
  if (e164s.length === 0) {
    return asks.map(() => ({ problem: null, e164: null, extensionLength: 0 }));
  }
  const [inv, holders] = await Promise.all([
    inventory(ctx.deps.database, ctx.companyId, ctx.tx),
    activeAssignmentsOf(ctx.tx, e164s),
  ]);
  const held = new Set(
    holders
      .filter((a) => !(a.targetType === 'workplace' && a.targetId === ctx.workplaceId))
      .map((a) => a.e164),
  );
  return asks.map(({ groupId }, i): NumberCheck => {
    const p = parsed[i]!;
    if (!p.ok) {
      return { problem: null, e164: null, extensionLength: 0 };
    }
    const place = placeOf(inv, p.national);
    if (!place) {
      return { problem: 'number_not_in_company', e164: p.e164, extensionLength: 0 };
    }
    if (groupId && place.block.groupId !== groupId) {
      return { problem: 'number_not_in_group', e164: p.e164, extensionLength: 0 };
    }
    return {
      problem: held.has(p.e164) ? 'number_taken' : null,
      e164: p.e164,
      extensionLength: place.spot.extensionLength,
    };
  });
}

const numberChecks: Check = async (ctx, drafts) => {
  const org = await orgOf(ctx.tx, ctx.companyId);
  // The main number in the workplace's group; additional numbers for incoming calls: the
  // company's and free (any of its groups).
  const asks = drafts.map((data) => {
    const section = data.number ?? {};
    const main = section.mainNumber?.trim()
      ? [{ field: 'number.mainNumber', number: section.mainNumber, groupId: org.groupOf(data) }]
      : [];
    const extra = (section.additionalNumbers ?? []).map((number, index) => ({
      field: `number.additionalNumbers.${index}`,
      number,
      groupId: null,
    }));
    return [...main, ...extra];
  });
  const internals = drafts.map((data) => data.number?.internalNumber?.trim() ?? '');
  const [problems, internalTaken] = await Promise.all([
    numberProblems(ctx, asks.flat()),
    internalNumbersTaken(
      ctx.tx,
      ctx.companyId,
      internals.filter((n) => /^\d{2,6}$/.test(n)),
      ctx.workplaceId,
    ),
  ]);
  let next = 0;
  return asks.map((own, i) => {
    const issues: RuleIssue[] = [];
    for (const ask of own) {
      const { problem } = problems[next++]!;
      if (problem) {
        issues.push(serverIssue(ask.field, problem, { number: ask.number.trim() }));
      }
    }
    const internal = internals[i]!;
    if (/^\d{2,6}$/.test(internal) && internalTaken.has(internal)) {
      issues.push(serverIssue('number.internalNumber', 'internal_number_taken', { internal }));
    }
    return issues;
  });
};

const profileChecks: Check = async (ctx, drafts) => {
  if (!drafts.some((d) => d.profile?.blockingProfileId)) {
    return drafts.map(() => []);
  }
  const known = new Set((await listProfiles(ctx.tx, ctx.companyId)).map((p) => p.id));
  return drafts.map((data) => {
    const id = data.profile?.blockingProfileId;
    return id && !known.has(id)
      ? [serverIssue('profile.blockingProfileId', 'profile_unknown')]
      : [];
  });
};

const CHECKS: Record<Section, Check[]> = {
  group: [groupChecks],
  user: [],
  login: [loginChecks],
  number: [numberChecks],
  profile: [profileChecks],
  devices: [deviceChecks],
  mobile: [mobileChecks],
  addons: [(ctx, drafts) => addonChecks(ctx, drafts)],
  activation: [],
};

/** The context the pure section rules need, taken from the whole draft. */
export function ruleContext(data: DraftData, today: string): SectionContext {
  const integration = data.mobile?.mode === 'integration';
  const internal = data.number?.internalNumber;
  return {
    today,
    mobileIntegration: integration,
    ...(internal === undefined ? {} : { internalNumber: internal }),
  };
}

/** "Weiter" for one section: the pure rules of common/ and the database's. */
export async function checkSection(
  ctx: CheckContext,
  section: Section,
  data: DraftData,
  today: string,
): Promise<RuleIssue[]> {
  const pure = sectionIssues(section, data[section] as never, ruleContext(data, today));
  const server: RuleIssue[] = [];
  for (const check of CHECKS[section]) {
    server.push(...(await check(ctx, [data]))[0]!);
  }
  return [...pure, ...server];
}

export interface DraftsChecked {
  /** Per draft: the pure rules' issues (common/, depending on the draft and the day only). */
  pure: RuleIssue[][];
  /** Per draft: the database rules' issues, section by section. */
  server: RuleIssue[][];
}

/**
 * Every section of many drafts ("Auftrag hinzufügen", the list import). Quota is checked on its
 * own. `pure(i)` may hand in draft i's pure issues computed before for the same day; `skip`
 * leaves sections' database rules to the caller (the list's add-ons count its other rows).
 */
export async function checkDrafts(
  ctx: CheckContext,
  drafts: readonly DraftData[],
  today: string,
  options: { pure?: (index: number) => RuleIssue[] | undefined; skip?: readonly Section[] } = {},
): Promise<DraftsChecked> {
  const pure = drafts.map((data, i) => options.pure?.(i) ?? draftIssues(data, { today }));
  const server: RuleIssue[][] = drafts.map(() => []);
  for (const section of SECTIONS.filter((s) => !options.skip?.includes(s))) {
    for (const check of CHECKS[section]) {
      (await check(ctx, drafts)).forEach((issues, i) => server[i]!.push(...issues));
    }
  }
  return { pure, server };
}

/** Every section of one draft (the wizard's "Auftrag hinzufügen"). */
export async function checkDraft(
  ctx: CheckContext,
  data: DraftData,
  today: string,
): Promise<RuleIssue[]> {
  const { pure, server } = await checkDrafts(ctx, [data], today);
  return [...pure[0]!, ...server[0]!];
}
