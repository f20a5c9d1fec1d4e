// The rules of seed 001 that need the database, next to the pure ones of common/: uniqueness of
// username and internal number, numbers of the company and the group, groups, areas, profiles and
// device models of the company, add-on dependencies with the company's facts, mobile integration.
// Every function returns RuleIssues (the same shape as common/src/rules), never throws for input.
import { locate } from '../../../../common/src/numbers/block.ts';
import { parseGermanNumber } from '../../../../common/src/numbers/parse.ts';
import type { Language } from '../../../../common/src/i18n/index.ts';
import { RULE_MESSAGE_KEYS } from '../../../../common/src/rules/addons.ts';
import { normalizeMac, type RuleIssue } from '../../../../common/src/rules/workplace.ts';
import {
  draftIssues,
  sectionIssues,
  SECTIONS,
  type DraftData,
  type Section,
  type SectionContext,
} from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import { listDevices, listProducts, type DeviceRow } from '../catalog/catalog.repository.ts';
import { checkAddons } from '../catalog/catalog.service.ts';
import { blockFor, inventory } from '../numbers/inventory-cache.ts';
import { decadeShape, shapeOf } from '../numbers/numbers.present.ts';
import { activeAssignments } from '../numbers/numbers.repository.ts';
import { defaultGroup, findArea, findGroup, findProfile } from '../org/org.repository.ts';
import { serverIssue, type WorkplaceDeps } from './issues.ts';
import { mobileCheck } from './mobile.service.ts';
import {
  internalNumberTaken,
  liveCompanyProducts,
  macsInUse,
  usernameTaken,
  workplacesWith,
} from './workplaces.repository.ts';

/** Add-ons the wizard books per workplace (kinds of the catalogue). */
export const WORKPLACE_ADDON_KINDS = ['add_on', 'conference_package'] as const;

export interface CheckContext {
  tx: Executor;
  deps: WorkplaceDeps;
  companyId: string;
  /** The workplace the data belong to (in the cart or set up), else null for a plain draft. */
  workplaceId: string | null;
  lang: Language;
  /** Add-ons the workplace already carries (edits after activation). */
  existingAddons?: readonly string[];
}

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

async function groupChecks(ctx: CheckContext, data: DraftData): Promise<RuleIssue[]> {
  const { groupId, areaId } = data.group ?? {};
  const issues: RuleIssue[] = [];
  const group = groupId ? await findGroup(ctx.tx, ctx.companyId, groupId) : null;
  if (groupId && !group) {
    issues.push(serverIssue('group.groupId', 'group_unknown'));
  }
  if (areaId) {
    const area = await findArea(ctx.tx, ctx.companyId, areaId);
    const resolved = await resolveGroupId(ctx.tx, ctx.companyId, data);
    if (!area || (resolved && area.groupId !== resolved)) {
      issues.push(serverIssue('group.areaId', 'area_unknown'));
    }
  }
  return issues;
}

async function loginChecks(ctx: CheckContext, data: DraftData): Promise<RuleIssue[]> {
  const username = (data.login?.username ?? '').trim();
  if (username === '' || username.length < 5) {
    return [];
  }
  return (await usernameTaken(ctx.tx, username, ctx.workplaceId))
    ? [serverIssue('login.username', 'username_taken', { username })]
    : [];
}

type NumberProblem = 'number_not_in_company' | 'number_not_in_group' | 'number_taken';

/**
 * Whether a number belongs to the company (and to the group, when given) and is free — or held
 * by this workplace itself. Returns the problem and the block's extension length (for proposals).
 */
export async function numberProblem(
  ctx: Pick<CheckContext, 'tx' | 'deps' | 'companyId' | 'workplaceId'>,
  number: string,
  groupId: string | null,
): Promise<{ problem: NumberProblem | null; e164: string | null; extensionLength: number }> {
  const parsed = parseGermanNumber(number);
  if (!parsed.ok) {
    return { problem: null, e164: null, extensionLength: 0 };
  }
  const inv = await inventory(ctx.deps.database, ctx.companyId, ctx.tx);
  const block = blockFor(inv, parsed.national);
  const spot = block
    ? locate(shapeOf(block), block.decades.map(decadeShape), parsed.national)
    : null;
  if (!block || !spot) {
    return { problem: 'number_not_in_company', e164: parsed.e164, extensionLength: 0 };
  }
  if (groupId && block.groupId !== groupId) {
    return { problem: 'number_not_in_group', e164: parsed.e164, extensionLength: 0 };
  }
  const taken = (await activeAssignments(ctx.tx, [parsed.e164])).filter(
    (a) => !(a.targetType === 'workplace' && a.targetId === ctx.workplaceId),
  );
  return {
    problem: taken.length > 0 ? 'number_taken' : null,
    e164: parsed.e164,
    extensionLength: spot.extensionLength,
  };
}

async function numberChecks(ctx: CheckContext, data: DraftData): Promise<RuleIssue[]> {
  const section = data.number ?? {};
  const issues: RuleIssue[] = [];
  const groupId = await resolveGroupId(ctx.tx, ctx.companyId, data);
  if (section.mainNumber?.trim()) {
    const { problem } = await numberProblem(ctx, section.mainNumber, groupId);
    if (problem) {
      issues.push(serverIssue('number.mainNumber', problem, { number: section.mainNumber.trim() }));
    }
  }
  // Additional numbers for incoming calls: the company's and free (any of its groups).
  for (const [index, extra] of (section.additionalNumbers ?? []).entries()) {
    const { problem } = await numberProblem(ctx, extra, null);
    if (problem) {
      issues.push(
        serverIssue(`number.additionalNumbers.${index}`, problem, { number: extra.trim() }),
      );
    }
  }
  const internal = section.internalNumber?.trim();
  if (internal && /^\d{2,6}$/.test(internal)) {
    if (await internalNumberTaken(ctx.tx, ctx.companyId, internal, ctx.workplaceId)) {
      issues.push(serverIssue('number.internalNumber', 'internal_number_taken', { internal }));
    }
  }
  return issues;
}

async function profileChecks(ctx: CheckContext, data: DraftData): Promise<RuleIssue[]> {
  const id = data.profile?.blockingProfileId;
  return id && !(await findProfile(ctx.tx, ctx.companyId, id))
    ? [serverIssue('profile.blockingProfileId', 'profile_unknown')]
    : [];
}

/** Every device model of the catalogue by id (extended and inactive ones included). */
export async function deviceModelsById(db: Executor): Promise<Map<string, DeviceRow>> {
  const rows = await listDevices(db, { extended: true, includeInactive: true });
  return new Map(rows.map((r) => [r.id, r]));
}

async function deviceChecks(ctx: CheckContext, data: DraftData): Promise<RuleIssue[]> {
  const devices = data.devices?.devices ?? [];
  if (devices.length === 0) {
    return [];
  }
  const models = await deviceModelsById(ctx.tx);
  const addons = new Set([...(data.addons?.addons ?? []), ...(ctx.existingAddons ?? [])]);
  const issues: RuleIssue[] = [];
  devices.forEach((d, index) => {
    const model = models.get(d.deviceModelId);
    const field = `devices.devices.${index}.deviceModelId`;
    if (!model || !model.active) {
      issues.push(serverIssue(field, 'device_unknown'));
    } else if (model.requiresAnyOf.length > 0 && !model.requiresAnyOf.some((a) => addons.has(a))) {
      // "Profile für gebuchte Zusatz-Pakete (Leiter, Assistent, Agent)".
      issues.push(
        serverIssue(field, 'device_needs_addon', {
          device: model.name,
          addons: model.requiresAnyOf.join(', '),
        }),
      );
    }
  });
  const macs = devices.map((d) => (d.macAddress ? normalizeMac(d.macAddress) : null));
  const used = new Set(
    await macsInUse(
      ctx.tx,
      macs.filter((m): m is string => m !== null),
      ctx.workplaceId,
    ),
  );
  macs.forEach((mac, index) => {
    if (mac && used.has(mac)) {
      issues.push(serverIssue(`devices.devices.${index}.macAddress`, 'mac_taken', { mac }));
    }
  });
  return issues;
}

async function mobileChecks(ctx: CheckContext, data: DraftData): Promise<RuleIssue[]> {
  const mobile = data.mobile ?? {};
  if (mobile.mode !== 'integration' || !mobile.mobileNumber?.trim()) {
    return [];
  }
  const check = await mobileCheck(ctx.tx, ctx.companyId, {
    mobileNumber: mobile.mobileNumber,
    customerAccount: mobile.customerAccount,
  });
  if (check.eligible || check.outcome === 'invalid') {
    return [];
  }
  const field = check.needsCustomerAccount ? 'mobile.customerAccount' : 'mobile.mobileNumber';
  return [serverIssue(field, check.messageKey)];
}

async function addonChecks(ctx: CheckContext, data: DraftData): Promise<RuleIssue[]> {
  const chosen = data.addons?.addons ?? [];
  if (chosen.length === 0) {
    return [];
  }
  const kinds = new Map((await listProducts(ctx.tx)).map((p) => [p.key, p.kind as string]));
  const issues: RuleIssue[] = [];
  chosen.forEach((key, index) => {
    const kind = kinds.get(key);
    if (kind && !(WORKPLACE_ADDON_KINDS as readonly string[]).includes(kind)) {
      issues.push(serverIssue(`addons.addons.${index}`, 'addon_not_bookable', { product: key }));
    }
  });
  const [companyProducts, others] = await Promise.all([
    liveCompanyProducts(ctx.tx, ctx.companyId),
    workplacesWith(ctx.tx, ctx.companyId, ctx.workplaceId),
  ]);
  const facts = { companyProducts, workplacesWith: others, host: 'workplace' as const };
  const { violations } = await checkAddons(ctx.tx, { ...facts, chosen }, ctx.lang);
  // Add-ons the workplace already carries count for exclusivity (Konferenz Basic vs Plus), not
  // for "own step" (CTI & TAPI is booked alone, whatever the workplace has).
  const existing = ctx.existingAddons ?? [];
  if (existing.length > 0) {
    const combined = await checkAddons(
      ctx.tx,
      { ...facts, chosen: [...new Set([...existing, ...chosen])] },
      ctx.lang,
    );
    violations.push(
      ...combined.violations.filter(
        (v) =>
          v.key === RULE_MESSAGE_KEYS.exclusive_with &&
          !violations.some((o) => o.key === v.key && o.product === v.product),
      ),
    );
  }
  for (const v of violations) {
    const index = Math.max(0, chosen.indexOf(v.product));
    issues.push({
      field: `addons.addons.${index}`,
      rule: v.key,
      severity: v.severity,
      params: v.params,
    });
  }
  return issues;
}

const CHECKS: Record<Section, ((ctx: CheckContext, data: DraftData) => Promise<RuleIssue[]>)[]> = {
  group: [groupChecks],
  user: [],
  login: [loginChecks],
  number: [numberChecks],
  profile: [profileChecks],
  devices: [deviceChecks],
  mobile: [mobileChecks],
  addons: [addonChecks],
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
    server.push(...(await check(ctx, data)));
  }
  return [...pure, ...server];
}

/** Every section ("Auftrag hinzufügen", list import). Quota is checked on its own. */
export async function checkDraft(
  ctx: CheckContext,
  data: DraftData,
  today: string,
): Promise<RuleIssue[]> {
  const issues = draftIssues(data, { today });
  for (const section of SECTIONS) {
    for (const check of CHECKS[section]) {
      issues.push(...(await check(ctx, data)));
    }
  }
  return issues;
}
