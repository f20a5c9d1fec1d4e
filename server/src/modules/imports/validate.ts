// Validation of a whole list with exactly the wizard's rules — the same functions: the pure rules
// of common/ and the database rules of workplaces/workplace.checks.ts (checkDrafts, which reads
// each fact once for all rows) — plus the list's own rules: duplicates within the file, the
// add-on dependencies counting the file's other valid rows, and the quota for the whole file.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { normalizeMac, quotaIssues } from '../../../../common/src/rules/workplace.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import type { Executor } from '../../db/client.ts';
import { parsedNumber } from '../numbers/numbers.assign.ts';
import type { WorkplaceDeps } from '../workplaces/issues.ts';
import { quotaFacts } from '../workplaces/workplace-cart.service.ts';
import { addonChecks } from '../workplaces/workplace-parts.checks.ts';
import { checkDrafts, type CheckContext } from '../workplaces/workplace.checks.ts';
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
}

/** Rule issues of the wizard's fields as row issues in the list's columns. */
function push(row: CheckedRow, issues: readonly RuleIssue[]): void {
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

/**
 * Every row's issues: the wizard's (pure and database) and the list's own. `pure` may hand in
 * the pure rules' issues of a row computed before for the same day (the import's re-check).
 */
export async function checkRows(
  ctx: ListContext,
  rows: RowInput[],
  pure: (row: RowInput) => RuleIssue[] | undefined = () => undefined,
): Promise<CheckedRow[]> {
  const checkCtx: CheckContext = { ...ctx, workplaceId: null };
  const drafts = rows.map((r) => r.data);
  const wizard = await checkDrafts(checkCtx, drafts, ctx.today, {
    pure: (i) => pure(rows[i]!),
    skip: ['addons'],
  });
  const checked = rows.map((input, i): CheckedRow => {
    const row = { input, issues: [...input.issues], valid: true, pure: wizard.pure[i]! };
    push(row, [...wizard.pure[i]!, ...wizard.server[i]!]);
    return row;
  });
  duplicates(checked);
  await addonRules(checkCtx, checked);
  await quota(ctx, checked);
  return checked;
}

/**
 * The wizard's add-on rules, where the other workplaces "with" an add-on are the company's plus
 * the list's other valid rows — two rows with Assistenzfunktion satisfy each other.
 */
async function addonRules(ctx: CheckContext, rows: CheckedRow[]): Promise<void> {
  const withAddons = rows.filter((r) => (r.input.data.addons?.addons ?? []).length > 0);
  const inFile = new Map<string, number>();
  for (const row of withAddons.filter((r) => r.valid)) {
    for (const key of new Set(row.input.data.addons?.addons ?? [])) {
      inFile.set(key, (inFile.get(key) ?? 0) + 1);
    }
  }
  const issues = await addonChecks(
    ctx,
    withAddons.map((r) => r.input.data),
    (i) => {
      const row = withAddons[i]!;
      const own = new Set(row.input.data.addons?.addons ?? []);
      return Object.fromEntries(
        [...inFile].map(([key, n]) => [key, n - (row.valid && own.has(key) ? 1 : 0)]),
      );
    },
  );
  withAddons.forEach((row, i) => push(row, issues[i]!));
}

const e164Of = (value: string | undefined) => {
  const parsed = value?.trim() ? parsedNumber(value) : null;
  return parsed?.ok ? parsed.e164 : '';
};

/** How many other rows a duplicate's message names at most. */
const MAX_NAMED_ROWS = 10;

/** The list's own rule: username, number, internal number and MAC at most once in the file. */
function duplicates(rows: CheckedRow[]): void {
  const keys: [string, string, (r: RowInput) => string[]][] = [
    [
      'username',
      'duplicate_username',
      (r) => [(r.data.login?.username ?? '').trim().toLowerCase()],
    ],
    ['mainNumber', 'duplicate_number', (r) => [e164Of(r.data.number?.mainNumber)]],
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
          const hits = seen.get(value);
          if (hits) {
            hits.push({ row, index });
          } else {
            seen.set(value, [{ row, index }]);
          }
        }
      });
    }
    for (const hits of seen.values()) {
      if (hits.length < 2) {
        continue;
      }
      // The rows a value is in, each once, in file order; a message names the first few of the
      // others (a column pasted down a whole list would otherwise name thousands per row).
      const inRows = [...new Set(hits.map((h) => h.row.input.r))];
      for (const { row, index } of hits) {
        const others = inRows.filter((r) => r !== row.input.r);
        const named = others.slice(0, MAX_NAMED_ROWS).join(', ');
        row.issues.push({
          column:
            column === 'mac'
              ? (row.input.deviceColumns[index] ?? 'device1').replace('device', 'mac')
              : column,
          rule: `import.value.${rule}`,
          severity: 'error',
          params: { rows: others.length > MAX_NAMED_ROWS ? `${named}, …` : named },
        });
        row.valid = false;
      }
    }
  }
}

/** The contract's quota for the whole file: the wizard's rule, row by row in file order. */
async function quota(ctx: ListContext, rows: CheckedRow[]): Promise<void> {
  const { configured, quota: limit } = await quotaFacts(ctx.tx, ctx.companyId);
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
