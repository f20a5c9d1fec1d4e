// Validation of a whole list with exactly the wizard's rules: the pure rules of common/
// (draftIssues — the same call checkDraft makes) and the database rules of
// workplaces/workplace.checks.ts, here evaluated for all rows at once (one query per rule instead
// of one per row and rule) with the same repository functions and the same outcomes. Plus the
// list's own rules: duplicates within the file and the quota for the whole file.
import { locate } from '../../../../common/src/numbers/block.ts';
import { addonViolations } from '../../../../common/src/rules/addons.ts';
import { normalizeMac, quotaIssues } from '../../../../common/src/rules/workplace.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import { draftIssues } from '../../../../common/src/workplaces/sections.ts';
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import { listProducts } from '../catalog/catalog.repository.ts';
import { ruleCatalogue } from '../catalog/catalog.service.ts';
import { blockFor, inventory } from '../numbers/inventory-cache.ts';
import { decadeShape, shapeOf } from '../numbers/numbers.present.ts';
import { activeAssignments } from '../numbers/numbers.repository.ts';
import { serverIssue, type WorkplaceDeps } from '../workplaces/issues.ts';
import { deviceModelsById, WORKPLACE_ADDON_KINDS } from '../workplaces/workplace.checks.ts';
import {
  CONFIGURED_STATUSES,
  countByStatus,
  internalNumbersInUse,
  liveCompanyProducts,
  macsInUse,
  workplaceQuota,
  workplacesWith,
} from '../workplaces/workplaces.repository.ts';
import { takenUsernames } from './imports.repository.ts';
import type { Lookups } from './lookups.ts';
import { parsedNumber } from './values.ts';
import { columnOfField, type RowInput, type RowIssue } from './rows.ts';

export interface CheckedRow {
  input: RowInput;
  issues: RowIssue[];
  valid: boolean;
  /** The pure rules' issues (they depend only on the row and the day). */
  pure: RuleIssue[];
}

export interface ListContext {
  tx: Executor;
  deps: WorkplaceDeps;
  companyId: string;
  lang: Language;
  today: string;
  lookups: Lookups;
}

const e164Of = (value: string | undefined) => {
  const parsed = value?.trim() ? parsedNumber(value) : null;
  return parsed?.ok ? parsed : null;
};

/**
 * Every row's issues: the wizard's (pure and database) and the list's own. `pure` may hand in
 * the pure rules' issues of a row computed before for the same day (the import's re-check).
 */
export async function checkRows(
  ctx: ListContext,
  rows: RowInput[],
  pure: (row: RowInput) => RuleIssue[] | undefined = () => undefined,
): Promise<CheckedRow[]> {
  const pureIssues: RuleIssue[][] = rows.map(
    (row) => pure(row) ?? draftIssues(row.data, { today: ctx.today }),
  );
  const perRow = pureIssues.map((issues) => [...issues]);
  const server = await serverChecks(ctx, rows);
  server.forEach((issues, i) => perRow[i]!.push(...issues));
  const checked = rows.map((input, i) => {
    const issues: RowIssue[] = [
      ...input.issues,
      ...perRow[i]!.map((issue) => ({
        column: columnOfField(issue.field, input.deviceColumns),
        rule: issue.rule,
        severity: issue.severity,
        ...(issue.params ? { params: issue.params } : {}),
      })),
    ];
    return {
      input,
      issues,
      valid: !issues.some((x) => x.severity === 'error'),
      pure: pureIssues[i]!,
    };
  });
  duplicates(checked);
  await addonRules(ctx, checked);
  await quota(ctx, checked);
  return checked;
}

/** The database rules of workplace.checks.ts (group, login, number, profile, devices), in bulk. */
async function serverChecks(ctx: ListContext, rows: RowInput[]): Promise<RuleIssue[][]> {
  const { tx, companyId, lookups } = ctx;
  const out: RuleIssue[][] = rows.map(() => []);
  const names = rows
    .map((r) => (r.data.login?.username ?? '').trim())
    .filter((u) => u !== '' && u.length >= 5);
  const mains = rows.map((r) => e164Of(r.data.number?.mainNumber));
  const macs = rows.flatMap((r) =>
    (r.data.devices?.devices ?? [])
      .map((d) => (d.macAddress ? normalizeMac(d.macAddress) : null))
      .filter((m): m is string => m !== null),
  );
  const [taken, inv, held, internals, models, usedMacs] = await Promise.all([
    takenUsernames(tx, names),
    inventory(ctx.deps.database, companyId, tx),
    activeAssignments(
      tx,
      mains.filter((m) => m !== null).map((m) => m.e164),
    ),
    internalNumbersInUse(tx, companyId),
    deviceModelsById(tx),
    macsInUse(tx, macs, null),
  ]);
  const heldNumbers = new Set(held.map((a) => a.e164));
  const macTaken = new Set(usedMacs);
  rows.forEach((row, i) => {
    const issues = out[i]!;
    const data = row.data;
    // groupChecks: the group is the company's, the area belongs to it.
    const groupId = data.group?.groupId ?? lookups.defaultGroup?.id ?? null;
    if (data.group?.groupId && !lookups.groupById.has(data.group.groupId)) {
      issues.push(serverIssue('group.groupId', 'group_unknown'));
    }
    const areaId = data.group?.areaId;
    if (areaId && lookups.areaById.get(areaId)?.groupId !== groupId) {
      issues.push(serverIssue('group.areaId', 'area_unknown'));
    }
    // loginChecks
    const username = (data.login?.username ?? '').trim();
    if (username.length >= 5 && taken.has(username.toLowerCase())) {
      issues.push(serverIssue('login.username', 'username_taken', { username }));
    }
    // numberChecks (numberProblem with the company's inventory read once)
    const main = mains[i];
    if (main) {
      const block = blockFor(inv, main.national);
      const spot = block
        ? locate(shapeOf(block), block.decades.map(decadeShape), main.national)
        : null;
      const number = (data.number?.mainNumber ?? '').trim();
      const problem =
        !block || !spot
          ? 'number_not_in_company'
          : groupId && block.groupId !== groupId
            ? 'number_not_in_group'
            : heldNumbers.has(main.e164)
              ? 'number_taken'
              : null;
      if (problem) {
        issues.push(serverIssue('number.mainNumber', problem, { number }));
      }
    }
    const internal = data.number?.internalNumber?.trim();
    if (internal && /^\d{2,6}$/.test(internal) && internals.has(internal)) {
      issues.push(serverIssue('number.internalNumber', 'internal_number_taken', { internal }));
    }
    // profileChecks
    const profileId = data.profile?.blockingProfileId;
    if (profileId && !lookups.profileById.has(profileId)) {
      issues.push(serverIssue('profile.blockingProfileId', 'profile_unknown'));
    }
    // deviceChecks
    const addons = new Set(data.addons?.addons ?? []);
    (data.devices?.devices ?? []).forEach((d, index) => {
      const model = models.get(d.deviceModelId);
      const field = `devices.devices.${index}.deviceModelId`;
      if (!model || !model.active) {
        issues.push(serverIssue(field, 'device_unknown'));
      } else if (
        model.requiresAnyOf.length > 0 &&
        !model.requiresAnyOf.some((a) => addons.has(a))
      ) {
        issues.push(
          serverIssue(field, 'device_needs_addon', {
            device: model.name,
            addons: model.requiresAnyOf.join(', '),
          }),
        );
      }
      const mac = d.macAddress ? normalizeMac(d.macAddress) : null;
      if (mac && macTaken.has(mac)) {
        issues.push(serverIssue(`devices.devices.${index}.macAddress`, 'mac_taken', { mac }));
      }
    });
  });
  return out;
}

/**
 * addonChecks of the wizard: bookable kinds and the catalogue's dependency rules. The other
 * workplaces "with" an add-on are the company's (booked or in a cart) plus the list's other
 * valid rows — two rows with Assistenzfunktion satisfy each other.
 */
async function addonRules(ctx: ListContext, rows: CheckedRow[]): Promise<void> {
  const withAddons = rows.filter((r) => (r.input.data.addons?.addons ?? []).length > 0);
  if (withAddons.length === 0) {
    return;
  }
  const [products, catalogue, companyProducts, company] = await Promise.all([
    listProducts(ctx.tx),
    ruleCatalogue(ctx.tx, ctx.lang),
    liveCompanyProducts(ctx.tx, ctx.companyId),
    workplacesWith(ctx.tx, ctx.companyId, null),
  ]);
  const kinds = new Map(products.map((p) => [p.key, p.kind as string]));
  const inFile = new Map<string, number>();
  for (const row of withAddons.filter((r) => r.valid)) {
    for (const key of new Set(row.input.data.addons?.addons ?? [])) {
      inFile.set(key, (inFile.get(key) ?? 0) + 1);
    }
  }
  for (const row of withAddons) {
    const chosen = row.input.data.addons?.addons ?? [];
    const issues: RuleIssue[] = [];
    chosen.forEach((key, index) => {
      const kind = kinds.get(key);
      if (kind && !(WORKPLACE_ADDON_KINDS as readonly string[]).includes(kind)) {
        issues.push(serverIssue(`addons.addons.${index}`, 'addon_not_bookable', { product: key }));
      }
    });
    const own = new Set(chosen);
    const others: Record<string, number> = { ...company };
    for (const [key, n] of inFile) {
      others[key] = (others[key] ?? 0) + n - (row.valid && own.has(key) ? 1 : 0);
    }
    const violations = addonViolations(catalogue, {
      companyProducts,
      workplacesWith: others,
      chosen: [...own],
      host: 'workplace',
    });
    for (const v of violations) {
      issues.push({
        field: `addons.addons.${Math.max(0, chosen.indexOf(v.product))}`,
        rule: v.key,
        severity: v.severity,
        params: v.params,
      });
    }
    push(row, issues);
  }
}

function push(row: CheckedRow, issues: RuleIssue[]): void {
  for (const issue of issues) {
    row.issues.push({
      column: columnOfField(issue.field, row.input.deviceColumns),
      rule: issue.rule,
      severity: issue.severity,
      ...(issue.params ? { params: issue.params } : {}),
    });
  }
  row.valid = !row.issues.some((x) => x.severity === 'error');
}

/** The list's own rule: username, number, internal number and MAC at most once in the file. */
function duplicates(rows: CheckedRow[]): void {
  const keys: [string, string, (r: RowInput) => string[]][] = [
    [
      'username',
      'duplicate_username',
      (r) => [(r.data.login?.username ?? '').trim().toLowerCase()],
    ],
    ['mainNumber', 'duplicate_number', (r) => [e164Of(r.data.number?.mainNumber)?.e164 ?? '']],
    [
      'internalNumber',
      'duplicate_internal_number',
      (r) => [(r.data.number?.internalNumber ?? '').trim()],
    ],
    [
      'mac',
      'duplicate_mac',
      (r) =>
        (r.data.devices?.devices ?? []).map((d) =>
          d.macAddress ? (normalizeMac(d.macAddress) ?? '') : '',
        ),
    ],
  ];
  for (const [column, rule, valuesOf] of keys) {
    const seen = new Map<string, { row: CheckedRow; index: number }[]>();
    for (const row of rows) {
      valuesOf(row.input).forEach((value, index) => {
        if (value !== '') {
          seen.set(value, [...(seen.get(value) ?? []), { row, index }]);
        }
      });
    }
    for (const hits of seen.values()) {
      if (hits.length < 2) {
        continue;
      }
      for (const { row, index } of hits) {
        const others = hits.filter((h) => h.row !== row).map((h) => h.row.input.r);
        row.issues.push({
          column:
            column === 'mac'
              ? (row.input.deviceColumns[index] ?? 'device1').replace('device', 'mac')
              : column,
          rule: `import.value.${rule}`,
          severity: 'error',
          params: { rows: [...new Set(others)].join(', ') },
        });
        row.valid = false;
      }
    }
  }
}

/** The contract's quota for the whole file: the wizard's rule, row by row in file order. */
async function quota(ctx: ListContext, rows: CheckedRow[]): Promise<void> {
  const [configured, limit] = await Promise.all([
    countByStatus(ctx.tx, ctx.companyId, CONFIGURED_STATUSES),
    workplaceQuota(ctx.tx, ctx.companyId),
  ]);
  let adding = 0;
  for (const row of rows.filter((r) => r.valid)) {
    const [issue] = quotaIssues({ configured: configured + adding, adding: 1, quota: limit });
    if (issue) {
      push(row, [issue]);
    } else {
      adding++;
    }
  }
}
