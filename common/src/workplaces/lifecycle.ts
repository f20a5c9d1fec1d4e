// Workplace lifecycle rules (seed 001): minimum term, deletion, group and username fixed after
// set-up, the contract's quota, the activation date. Re-exported by rules/workplace.ts.
import { LIMITS } from '../limits.ts';
import { error, type RuleIssue } from './issues.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Calendar-day arithmetic on YYYY-MM-DD (no time zones, no DST): addDays('2025-01-31', 1). */
export function addDays(day: string, days: number): string {
  if (!isIsoDay(day)) {
    throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  }
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Seed 001: "Die Mindestlaufzeit bei Buchung von Arbeitsplätzen beträgt 30 Tage ab Aktivierung."
 * Returns the first day after the term (activation day + 30): from then on the workplace can be
 * deleted (activated 2025-01-01 → runs 01.01.–30.01. → 2025-01-31). Same for add-ons.
 */
export function minimumTermEnd(
  activationDay: string,
  days: number = LIMITS.workplace.minimumTermDays,
): string {
  return addDays(activationDay, days);
}

/** Statuses in which the workplace is set up (ordered or activated): group and username fixed. */
export const SET_UP_STATUSES = ['ordered', 'active', 'deactivated', 'deleted'] as const;
const isSetUp = (status: string) => (SET_UP_STATUSES as readonly string[]).includes(status);

/**
 * The first day the workplace may be deleted, or null when deleting does not apply (still in the
 * cart, already deleted, or ordered but not yet activated so no term runs).
 */
export function deletableFrom(input: {
  status: string;
  minimumTermEnd: string | null;
}): string | null {
  if (input.status !== 'active' && input.status !== 'deactivated') {
    return null;
  }
  return input.minimumTermEnd;
}

/**
 * Seed 001: "Beachten Sie dazu auch, dass Arbeitsplätze erst nach Ablauf der 30-tägigen
 * Mindestvertragslaufzeit gelöscht werden können." `effectiveDate` is the requested date of the
 * deletion (default today): a deletion dated on or after the term's end may be ordered earlier.
 */
export function deleteIssues(input: {
  status: string;
  minimumTermEnd: string | null;
  today: string;
  effectiveDate?: string | null;
}): RuleIssue[] {
  const field = 'workplace';
  switch (input.status) {
    case 'deleted':
      return [error(field, 'already_deleted')];
    case 'in_cart':
      return [error(field, 'delete_in_cart')];
    case 'ordered':
      return [error(field, 'delete_not_active')];
    default:
      break;
  }
  const end = input.minimumTermEnd;
  const date = input.effectiveDate ?? input.today;
  if (end !== null && date < end) {
    return [error(field, 'delete_before_term', { date: end })];
  }
  return [];
}

/**
 * Seed 001: "Wenn Sie bereits aktivierte Arbeitsplätze einer anderen Gruppe zuordnen wollen,
 * müssen Sie die Arbeitsplätze löschen und neu einrichten." Pass resolved group ids;
 * toGroupId undefined/null = no change requested. Drafts ('draft') and 'in_cart' may change.
 */
export function groupChangeIssues(input: {
  status: string;
  fromGroupId: string | null;
  toGroupId: string | null | undefined;
}): RuleIssue[] {
  const { status, fromGroupId, toGroupId } = input;
  if (toGroupId === undefined || toGroupId === null || toGroupId === fromGroupId) {
    return [];
  }
  return isSetUp(status) ? [error('group.groupId', 'group_fixed')] : [];
}

/**
 * Workplaces count against the contract's quota ("Kontingent"). `configured` = workplaces in
 * the cart, ordered, active or deactivated; `adding` = how many this step adds (default 1).
 */
export function quotaIssues(input: {
  configured: number;
  adding?: number;
  quota: number;
}): RuleIssue[] {
  const adding = input.adding ?? 1;
  if (input.configured + adding <= input.quota) {
    return [];
  }
  const available = Math.max(0, input.quota - input.configured);
  return [
    error('workplace', 'quota_exceeded', {
      configured: input.configured,
      available,
      quota: input.quota,
    }),
  ];
}

/**
 * Activation date: null = "so schnell wie möglich"; otherwise a real day, today or later
 * (seed 001: "Wenn Sie den Arbeitsplatz zu einem späteren Zeitpunkt erstellen möchten, passen Sie
 * das Aktivierungsdatum entsprechend an").
 */
export function activationDateIssues(
  activationDate: string | null | undefined,
  today: string,
): RuleIssue[] {
  const field = 'activation.activationDate';
  if (activationDate === null || activationDate === undefined || activationDate === '') {
    return [];
  }
  if (!isIsoDay(activationDate)) {
    return [error(field, 'activation_date_invalid')];
  }
  return activationDate < today ? [error(field, 'activation_date_past', { today })] : [];
}

/** Seed 001: "Der Benutzername kann nach der Einrichtung des Arbeitsplatzes nicht mehr verändert werden." */
export function usernameChangeIssues(input: {
  status: string;
  from: string;
  to: string | undefined;
}): RuleIssue[] {
  if (input.to === undefined || input.to === input.from || !isSetUp(input.status)) {
    return [];
  }
  return [error('login.username', 'username_fixed')];
}
