// The database rules of seed 001 for a workplace's parts — devices, mobile integration and
// add-ons — for any number of drafts at once (the wizard checks one, the list import many):
// the facts are read once, the pure functions below judge each draft.
import {
  addonViolations,
  RULE_MESSAGE_KEYS,
  type RuleProduct,
} from '../../../../common/src/rules/addons.ts';
import { normalizeMac, type RuleIssue } from '../../../../common/src/rules/workplace.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { Executor } from '../../db/client.ts';
import { listDevices, listProducts, type DeviceRow } from '../catalog/catalog.repository.ts';
import { ruleCatalogue } from '../catalog/catalog.service.ts';
import { serverIssue } from './issues.ts';
import { mobileCheck } from './mobile.service.ts';
import type { CheckContext } from './workplace.checks.ts';
import { liveCompanyProducts, macsInUse, workplacesWith } from './workplaces.repository.ts';

/** Add-ons the wizard books per workplace (kinds of the catalogue). */
export const WORKPLACE_ADDON_KINDS = ['add_on', 'conference_package'] as const;

type Device = { deviceModelId: string; macAddress?: string | null | undefined };

/** Every device model of the catalogue by id (extended and inactive ones included). */
export async function deviceModelsById(db: Executor): Promise<Map<string, DeviceRow>> {
  const rows = await listDevices(db, { extended: true, includeInactive: true });
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A workplace's devices against the catalogue: the model exists and is offered; models that
 * need an add-on ("Profile für gebuchte Zusatz-Pakete (Leiter, Assistent, Agent)") have one;
 * no MAC address another workplace uses (`macsTaken`, normalized).
 */
export function deviceIssuesFor(
  models: ReadonlyMap<string, DeviceRow>,
  devices: readonly Device[],
  addons: ReadonlySet<string>,
  macsTaken: ReadonlySet<string>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  devices.forEach((d, index) => {
    const model = models.get(d.deviceModelId);
    const field = `devices.devices.${index}.deviceModelId`;
    if (!model || !model.active) {
      issues.push(serverIssue(field, 'device_unknown'));
    } else if (model.requiresAnyOf.length > 0 && !model.requiresAnyOf.some((a) => addons.has(a))) {
      issues.push(
        serverIssue(field, 'device_needs_addon', {
          device: model.name,
          addons: model.requiresAnyOf.join(', '),
        }),
      );
    }
  });
  devices.forEach((d, index) => {
    const mac = d.macAddress ? normalizeMac(d.macAddress) : null;
    if (mac && macsTaken.has(mac)) {
      issues.push(serverIssue(`devices.devices.${index}.macAddress`, 'mac_taken', { mac }));
    }
  });
  return issues;
}

export async function deviceChecks(
  ctx: CheckContext,
  drafts: readonly DraftData[],
): Promise<RuleIssue[][]> {
  const devicesOf = (data: DraftData) => data.devices?.devices ?? [];
  if (!drafts.some((d) => devicesOf(d).length > 0)) {
    return drafts.map(() => []);
  }
  const macs = drafts.flatMap((data) =>
    devicesOf(data)
      .map((d) => (d.macAddress ? normalizeMac(d.macAddress) : null))
      .filter((m): m is string => m !== null),
  );
  const [models, used] = await Promise.all([
    deviceModelsById(ctx.tx),
    macsInUse(ctx.tx, macs, ctx.workplaceId),
  ]);
  const macsTaken = new Set(used);
  return drafts.map((data) =>
    deviceIssuesFor(
      models,
      devicesOf(data),
      new Set([...(data.addons?.addons ?? []), ...(ctx.existingAddons ?? [])]),
      macsTaken,
    ),
  );
}

export async function mobileChecks(
  ctx: CheckContext,
  drafts: readonly DraftData[],
): Promise<RuleIssue[][]> {
  const out: RuleIssue[][] = [];
  for (const data of drafts) {
    const mobile = data.mobile ?? {};
    if (mobile.mode !== 'integration' || !mobile.mobileNumber?.trim()) {
      out.push([]);
      continue;
    }
    const check = await mobileCheck(ctx.tx, ctx.companyId, {
      mobileNumber: mobile.mobileNumber,
      customerAccount: mobile.customerAccount,
    });
    const field = check.needsCustomerAccount ? 'mobile.customerAccount' : 'mobile.mobileNumber';
    out.push(
      check.eligible || check.outcome === 'invalid' ? [] : [serverIssue(field, check.messageKey)],
    );
  }
  return out;
}

/** What the add-on rules of one workplace look at, read once for any number of workplaces. */
export interface AddonCatalogue {
  catalogue: readonly RuleProduct[];
  /** Product key → its kind in the catalogue. */
  kinds: ReadonlyMap<string, string>;
  companyProducts: readonly string[];
  /** Per key: how many other live workplaces of the company carry it (cart included). */
  workplacesWith: Readonly<Record<string, number>>;
}

/**
 * The add-ons chosen for a workplace: bookable per workplace, and the catalogue's dependency
 * rules (Assistenzfunktion needs a second workplace, Call Analytics the company's Basic …).
 * Add-ons the workplace already carries (`existing`) count for exclusivity (Konferenz Basic vs
 * Plus), not for "own step" (CTI & TAPI is booked alone, whatever the workplace has).
 */
export function addonIssuesFor(
  facts: AddonCatalogue,
  chosen: readonly string[],
  existing: readonly string[] = [],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  chosen.forEach((key, index) => {
    const kind = facts.kinds.get(key);
    if (kind && !(WORKPLACE_ADDON_KINDS as readonly string[]).includes(kind)) {
      issues.push(serverIssue(`addons.addons.${index}`, 'addon_not_bookable', { product: key }));
    }
  });
  const base = {
    companyProducts: facts.companyProducts,
    workplacesWith: facts.workplacesWith,
    host: 'workplace' as const,
  };
  const violations = addonViolations(facts.catalogue, { ...base, chosen });
  if (existing.length > 0) {
    const combined = addonViolations(facts.catalogue, {
      ...base,
      chosen: [...new Set([...existing, ...chosen])],
    });
    violations.push(
      ...combined.filter(
        (v) =>
          v.key === RULE_MESSAGE_KEYS.exclusive_with &&
          !violations.some((o) => o.key === v.key && o.product === v.product),
      ),
    );
  }
  for (const v of violations) {
    issues.push({
      field: `addons.addons.${Math.max(0, chosen.indexOf(v.product))}`,
      rule: v.key,
      severity: v.severity,
      params: v.params,
    });
  }
  return issues;
}

/**
 * The add-on rules for many drafts. `alsoWith(i)` adds workplaces that are not in the database
 * yet to the company's counts for draft i (a list's other rows: two rows with
 * Assistenzfunktion satisfy each other).
 */
export async function addonChecks(
  ctx: CheckContext,
  drafts: readonly DraftData[],
  alsoWith: (index: number) => Readonly<Record<string, number>> = () => ({}),
): Promise<RuleIssue[][]> {
  if (!drafts.some((d) => (d.addons?.addons ?? []).length > 0)) {
    return drafts.map(() => []);
  }
  const [products, catalogue, companyProducts, company] = await Promise.all([
    listProducts(ctx.tx),
    ruleCatalogue(ctx.tx, ctx.lang),
    liveCompanyProducts(ctx.tx, ctx.companyId),
    workplacesWith(ctx.tx, ctx.companyId, ctx.workplaceId),
  ]);
  const kinds = new Map(products.map((p) => [p.key, p.kind as string]));
  return drafts.map((data, index) => {
    const chosen = data.addons?.addons ?? [];
    if (chosen.length === 0) {
      return [];
    }
    const counts = { ...company };
    for (const [key, n] of Object.entries(alsoWith(index))) {
      counts[key] = (counts[key] ?? 0) + n;
    }
    const facts = { catalogue, kinds, companyProducts, workplacesWith: counts };
    return addonIssuesFor(facts, chosen, ctx.existingAddons);
  });
}
