import type { TFunction } from 'i18next';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import { ApiError } from '../../api/client.ts';
import type { Section } from '../../api/workplaces.ts';

/** Messages of one section, keyed by the field path inside it ("username", "devices.0.macAddress"). */
export type FieldMessages = Record<string, string>;

/** The Berlin day (YYYY-MM-DD) the server counts activation dates in. */
export function berlinToday(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

/** "login.username" → ["login", "username"]; fields outside the sections come back whole. */
export function splitField(field: string): [string, string] {
  const dot = field.indexOf('.');
  return dot < 0 ? [field, ''] : [field.slice(0, dot), field.slice(dot + 1)];
}

/** The message of a shared rule in the UI language (the same catalogue the server answers from). */
export function issueText(tErrors: TFunction<'errors'>, issue: RuleIssue): string {
  const t = tErrors as unknown as (key: string, options?: Record<string, unknown>) => string;
  return t(issue.rule, { ...(issue.params ?? {}) });
}

/** Adds a message to a field's text; a field that breaks several rules names them all. */
function append(messages: FieldMessages, field: string, message: string): void {
  const current = messages[field];
  if (current === undefined) {
    messages[field] = message;
  } else if (!current.includes(message)) {
    messages[field] = `${current} ${message}`;
  }
}

/** Live issues of one section as messages per field; errors or warnings. */
export function messagesOf(
  tErrors: TFunction<'errors'>,
  issues: readonly RuleIssue[],
  severity: RuleIssue['severity'],
): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of issues) {
    if (issue.severity === severity) {
      const [, field] = splitField(issue.field);
      append(messages, field, issueText(tErrors, issue));
    }
  }
  return messages;
}

/** The server's field errors, grouped by section: {login: {username: "…"}}. */
export function serverSectionErrors(error: unknown): Partial<Record<Section, FieldMessages>> {
  const grouped: Partial<Record<string, FieldMessages>> = {};
  if (error instanceof ApiError) {
    for (const { field, message } of error.fieldErrors) {
      const [section, rest] = splitField(field);
      const messages = (grouped[section] ??= {});
      append(messages, rest, message);
    }
  }
  return grouped;
}

/** "Max Mustermann" or the username when no name is given. */
export function personName(person: { firstName?: string | null; lastName?: string | null }) {
  return [person.firstName, person.lastName].filter((part) => part && part.trim() !== '').join(' ');
}

/** Name of a catalogue product key in the UI language, from the loaded products. */
export function productName(
  t: TFunction,
  products: readonly { key: string; name: string }[] | undefined,
  key: string,
): string {
  return (
    products?.find((product) => product.key === key)?.name ??
    t('workplaces.addons.unknown', { key })
  );
}
