// Rule issues (common/src/rules) as the API shows them: `{field, rule, message}` in the caller's
// language, errors as a 400 validation_failed, warnings next to a successful answer.
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';

export interface WorkplaceDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

const KEY = 'validation.workplace';

/** A server-side issue (uniqueness, ownership …) in the same shape as the common rules'. */
export const serverIssue = (
  field: string,
  rule: string,
  params?: RuleIssue['params'],
  severity: RuleIssue['severity'] = 'error',
): RuleIssue => ({
  field,
  rule: rule.includes('.') ? rule : `${KEY}.${rule}`,
  severity,
  ...(params ? { params } : {}),
});

export const errorsOf = (issues: readonly RuleIssue[]) =>
  issues.filter((i) => i.severity === 'error');
export const warningsOf = (issues: readonly RuleIssue[]) =>
  issues.filter((i) => i.severity === 'warning');

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in messages as people read them: 31.01.2026 in German (the params keep YYYY-MM-DD). */
function readable(params: RuleIssue['params'], lang: Language): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => {
      const m = typeof v === 'string' && lang === 'de' ? ISO_DAY.exec(v) : null;
      return [k, m ? `${m[3]}.${m[2]}.${m[1]}` : v];
    }),
  );
}

/** Field issues with their message; `params` (e.g. the first possible date) go along. */
export function presentIssues(
  issues: readonly RuleIssue[],
  lang: Language,
): (FieldIssue & { params?: Record<string, string | number> })[] {
  return issues.map((i) => ({
    field: i.field,
    rule: i.rule,
    message: translate(lang, i.rule, readable(i.params, lang)),
    ...(i.params ? { params: i.params } : {}),
  }));
}

/** 400 validation_failed naming every field with an error (the envelope of request validation). */
export function validationFailed(issues: readonly RuleIssue[], lang: Language): AppError {
  const errors = errorsOf(issues);
  return new AppError('validation_failed', 400, {
    params: { count: errors.length },
    details: presentIssues(errors, lang),
  });
}

/** Throws validation_failed when any issue is an error; returns the warnings otherwise. */
export function requireNoErrors(issues: readonly RuleIssue[], lang: Language): RuleIssue[] {
  if (errorsOf(issues).length > 0) {
    throw validationFailed(issues, lang);
  }
  return warningsOf(issues);
}

/** A single-field refusal with its own code (quota, group fixed, term not over …). */
export function refusal(code: string, issue: RuleIssue, lang: Language, status = 400): AppError {
  return new AppError(code, status, {
    messageKey: issue.rule,
    params: readable(issue.params, lang),
    details: presentIssues([issue], lang),
  });
}
