// The billing ledger's rules (seed 000 Schritt 7, "Hinweis - Gesamtpreis Parallele Gespräche":
// "Die Berechnung erfolgt Tag genau. Es wird immer der Tageshöchstwert berechnet. Die
// Staffelpreise können Sie unter der AGB-Preisliste einsehen."). Days are German calendar days
// (Europe/Berlin) written YYYY-MM-DD; money is integer cents.
import { tierFor, unitMonthlyCents, type Priced } from './pricing.ts';

export const BILLING_TIME_ZONE = 'Europe/Berlin';

/** How far back the daily run and a contract change fill days that have no row yet. */
export const MAX_CATCH_UP_DAYS = 62;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MS_PER_DAY = 86_400_000;

const berlinFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BILLING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function berlinParts(instant: Date): WallTime {
  const parts: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of berlinFormat.formatToParts(instant)) {
    if (p.type in parts) {
      parts[p.type as keyof WallTime] = Number(p.value);
    }
  }
  return parts;
}

function dayParts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) {
    throw new Error(`not a day: ${day}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const utcOf = (day: string) => {
  const [y, m, d] = dayParts(day);
  return Date.UTC(y, m - 1, d);
};
const dayOfUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** True for a real calendar day YYYY-MM-DD (no 2026-02-30). */
export function isDay(text: string): boolean {
  return DAY.test(text) && dayOfUtc(utcOf(text)) === text;
}

/** The German calendar day of an instant. */
export function berlinDay(instant: Date): string {
  const p = berlinParts(instant);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant a German day begins (00:00 in Berlin; 23:00 or 22:00 UTC the day before). */
export function berlinDayStart(day: string): Date {
  const midnightUtc = utcOf(day);
  // Berlin is UTC+1 or UTC+2; at midnight the offset is never in the middle of a switch.
  let guess = midnightUtc - 60 * 60_000;
  for (let i = 0; i < 2; i++) {
    const p = berlinParts(new Date(guess));
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess = midnightUtc - (shown - guess);
  }
  return new Date(guess);
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  return dayOfUtc(utcOf(day) + n * MS_PER_DAY);
}

/** Every day from `from` to `to`, both included; [] when `from` is after `to`. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = utcOf(from); ms <= utcOf(to); ms += MS_PER_DAY) {
    days.push(dayOfUtc(ms));
  }
  return days;
}

/** The month YYYY-MM of a day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** How many days the month of `dayOrMonth` (YYYY-MM-DD or YYYY-MM) has. */
export function daysInMonth(dayOrMonth: string): number {
  const year = Number(dayOrMonth.slice(0, 4));
  const month = Number(dayOrMonth.slice(5, 7));
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month YYYY-MM as its first and last day, or null when the text is no month. */
export function parseMonth(text: string): { month: string; first: string; last: string } | null {
  if (!MONTH.test(text)) {
    return null;
  }
  return { month: text, first: `${text}-01`, last: `${text}-${daysInMonth(text)}` };
}

/**
 * A day's share of a monthly price: quantity × unit price ÷ days of that month, rounded to the
 * cent (half up). February days cost more than July days; a whole month adds up to the monthly
 * price give or take the rounding of each day.
 */
export function dayAmountCents(quantity: number, unitMonthly: number, day: string): number {
  if (quantity <= 0 || unitMonthly <= 0) {
    return 0;
  }
  const days = daysInMonth(day);
  // Integer arithmetic: no float surprises at exact halves.
  return Math.floor((2 * quantity * unitMonthly + days) / (2 * days));
}

/** The day's charge for `quantity` units: the tier the quantity falls in prices every unit. */
export function dayCharge(
  product: Priced,
  quantity: number,
  day: string,
): { unitMonthlyCents: number; amountCents: number; tierFrom: number | null } {
  const unit = unitMonthlyCents(product, quantity);
  return {
    unitMonthlyCents: unit,
    amountCents: dayAmountCents(quantity, unit, day),
    tierFrom: tierFor(product, quantity)?.from ?? null,
  };
}

/** Merging a quantity into a day: the day keeps its maximum ("Tageshöchstwert"). */
export function dayMaximum(existing: number | null | undefined, next: number): number {
  return Math.max(existing ?? 0, next, 0);
}

/**
 * The day a cancellation takes effect: the requested day, but never before the end of the
 * minimum term (`minimumTermEnd` = the first day after the term, as stored on bookings).
 */
export function effectiveEnd(requestedDay: string, minimumTermEnd: string | null): string {
  return minimumTermEnd && minimumTermEnd > requestedDay ? minimumTermEnd : requestedDay;
}

/**
 * Whether a booking is charged on `day`: from its first active day up to the day before it
 * ends (`endsOn` is the first day without it), so a 30-day term from the 1st ends on the 31st.
 */
export function billableOn(
  booking: { activeFrom: string | null; endsOn: string | null },
  day: string,
): boolean {
  return (
    booking.activeFrom !== null &&
    booking.activeFrom <= day &&
    (booking.endsOn === null || day < booking.endsOn)
  );
}

/** Parallel calls charged on `day` under a contract: only an active contract that has started. */
export function billableParallelCalls(
  contract: { status: string; startDate: string; parallelCalls: number },
  day: string,
): number {
  return contract.status === 'active' && contract.startDate <= day ? contract.parallelCalls : 0;
}

/**
 * The days a run starting at `from` covers up to `today`: the day before `from` is closed
 * again (units that became active during it), and at most MAX_CATCH_UP_DAYS are looked at.
 */
export function runDays(from: string, today: string): string[] {
  const earliest = addDays(today, -MAX_CATCH_UP_DAYS);
  const start = addDays(from, -1) < earliest ? earliest : addDays(from, -1);
  return daysFrom(start, today);
}

/**
 * Which of `days` take a quantity that is known only now (the contract's parallel calls): today
 * always (merged into its maximum), earlier days only after the last day that has a row — every
 * change writes its day and fills the days before it, so those days are final.
 */
export function currentValueDays(
  days: readonly string[],
  lastRowDay: string | null,
  today: string,
): string[] {
  return days.filter((d) => d === today || (d < today && (lastRowDay === null || d > lastRowDay)));
}

/** "1234,56": cents as a German decimal without a thousands separator (CSV cells). */
export function germanDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** "31.01.2026". */
export function germanDate(day: string): string {
  const [y, m, d] = dayParts(day);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}
