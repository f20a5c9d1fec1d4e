// The issue a workplace rule reports: the field as `<section>.<field>` and the rule as the i18n
// key (namespace "errors") of its message. Shared by rules/workplace.ts, rules/internal-number.ts
// and workplaces/*.ts.
export type RuleIssue = {
  field: string;
  rule: string;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
};

export const KEY = 'validation.workplace';
export const error = (field: string, rule: string, params?: RuleIssue['params']): RuleIssue =>
  params
    ? { field, rule: `${KEY}.${rule}`, severity: 'error', params }
    : { field, rule: `${KEY}.${rule}`, severity: 'error' };
export const warning = (field: string, rule: string, params?: RuleIssue['params']): RuleIssue => ({
  ...error(field, rule, params),
  severity: 'warning',
});

/** True when at least one issue is an error (warnings never block "Weiter"). */
export const hasErrors = (issues: readonly RuleIssue[]) =>
  issues.some((issue) => issue.severity === 'error');
