import { currentLanguage } from '../../i18n.ts';

const ZONE = 'Europe/Berlin';

/** Today as a Berlin day (YYYY-MM-DD): activation dates are Berlin days. */
export function berlinToday(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: ZONE });
}

/** The first day an item may be activated: today, or its earliest date when that is later. */
export function firstActivationDay(earliestDate: string | null, today = berlinToday()): string {
  return earliestDate !== null && earliestDate > today ? earliestDate : today;
}

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The current Berlin month and the `count - 1` before it, newest first, as YYYY-MM. */
export function recentMonths(count: number, now: Date = new Date()): string[] {
  const [year, month] = berlinToday(now).split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = 0; back < count; back += 1) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

/** "März 2026" for 2026-03, in the UI language. */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return month;
  }
  return new Intl.DateTimeFormat(currentLanguage(), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
