import { currentLanguage } from './i18n.ts';

/** Date and time in the UI language, e.g. "12.03.2026, 14:05". Empty for null. */
export function formatDateTime(value: string | null): string {
  if (value === null) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A calendar date (YYYY-MM-DD or a timestamp) in the UI language, e.g. "12.03.2026". */
export function formatDate(value: string | null): string {
  if (value === null) {
    return '';
  }
  // A bare date is a calendar day; parse it as UTC and print it as UTC so no day shifts.
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(bare ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    ...(bare ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** Today as YYYY-MM-DD in local time (the default start date of a contract). */
export function todayIso(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
