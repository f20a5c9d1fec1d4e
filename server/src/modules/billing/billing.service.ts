import type { Language } from '../../../../common/src/i18n/index.ts';
import { germanDate, germanDecimal, parseMonth } from '../../../../common/src/rules/billing.ts';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { customerNumberOf, monthByDayAndProduct, type ProductDay } from './billing.repository.ts';
import type { BillingMonthOutput } from './billing.schema.ts';

export interface BillingReadDeps {
  database: Database;
}

/** The month of the query as its first and last day; 400 naming `month` otherwise. */
export function monthRange(month: string, lang: Language) {
  const range = parseMonth(month);
  if (!range) {
    throw new AppError('validation_failed', 400, {
      params: { count: 1 },
      details: [
        {
          field: 'month',
          rule: 'month_invalid',
          message: translate(lang, 'validation.billing.month_invalid'),
          location: 'querystring',
        },
      ],
    });
  }
  return range;
}

const nameOf = (d: ProductDay, lang: Language) =>
  (lang === 'en' ? d.nameEn : d.nameDe) ?? d.productKey;

/** Per product: days charged, the largest day quantity and the amount (one-off prices included). */
export async function billingMonth(
  deps: BillingReadDeps,
  companyId: string,
  month: string,
  lang: Language,
): Promise<BillingMonthOutput> {
  const range = monthRange(month, lang);
  const days = await monthByDayAndProduct(deps.database.db, companyId, range);
  const lines = new Map<string, BillingMonthOutput['lines'][number]>();
  for (const d of days) {
    const line = lines.get(d.productKey) ?? {
      productKey: d.productKey,
      name: nameOf(d, lang),
      days: 0,
      quantityMax: 0,
      amountCents: 0,
      oneOffCents: 0,
    };
    if (d.quantity > 0) {
      line.days += 1;
    }
    line.quantityMax = Math.max(line.quantityMax, d.quantity);
    line.amountCents += d.amountCents + d.oneOffCents;
    line.oneOffCents += d.oneOffCents;
    lines.set(d.productKey, line);
  }
  // Catalogue order; products the catalogue does not know (any more) last.
  const order = new Map(days.map((d) => [d.productKey, d.sortOrder ?? Number.MAX_SAFE_INTEGER]));
  const list = [...lines.values()].sort(
    (a, b) =>
      order.get(a.productKey)! - order.get(b.productKey)! ||
      a.productKey.localeCompare(b.productKey),
  );
  return {
    month: range.month,
    lines: list,
    totalCents: list.reduce((sum, l) => sum + l.amountCents, 0),
  };
}

export const CSV_HEADER = ['Datum', 'Produkt', 'Menge', 'Preis pro Monat', 'Betrag'];

/** A CSV cell: quoted when it holds the separator, a quote or a line break; no formulas. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The month as CSV for spreadsheets in Germany: UTF-8 with BOM, semicolons, decimal commas, one
 * row per day and product, and one more per day and product for one-off prices.
 */
export async function billingExport(
  deps: BillingReadDeps,
  companyId: string,
  month: string,
  lang: Language,
): Promise<{ filename: string; content: string }> {
  const range = monthRange(month, lang);
  const customerNumber = await customerNumberOf(deps.database.db, companyId);
  if (customerNumber === null) {
    throw notFound();
  }
  const days = await monthByDayAndProduct(deps.database.db, companyId, range);
  const rows: string[][] = [CSV_HEADER];
  for (const d of days) {
    const name = nameOf(d, 'de');
    if (d.quantity > 0 || d.amountCents > 0) {
      rows.push([
        germanDate(d.day),
        name,
        String(d.quantity),
        germanDecimal(d.unitMonthlyCents),
        germanDecimal(d.amountCents),
      ]);
    }
    if (d.oneOffCents > 0) {
      rows.push([
        germanDate(d.day),
        `${name} (einmalig)`,
        String(d.oneOffCount),
        '',
        germanDecimal(d.oneOffCents),
      ]);
    }
  }
  const content = `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
  const safeNumber = customerNumber.replace(/[^A-Za-z0-9_-]/g, '_');
  return { filename: `abrechnung-${safeNumber}-${range.month}.csv`, content };
}
