// The order confirmation mail to the ordering admin (issue 6: "the admin gets a confirmation
// mail"): order number, every item with its date and prices, and the totals.
import { formatEuro } from '../../../../common/src/rules/pricing.ts';
import { pickLanguage, type Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { translateIn } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/notifications/index.ts';
import type { OrderItemRow, OrderRow, UserContact } from './orders.repository.ts';

const EURO_EN = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });

export function money(cents: number, lang: Language): string {
  return lang === 'en' ? EURO_EN.format(cents / 100) : formatEuro(cents);
}

/** A Berlin day as the reader writes it: 01.03.2026 or 2026-03-01. */
export function dayText(day: string, lang: Language): string {
  if (lang === 'en') {
    return day;
  }
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

export function confirmationLines(items: OrderItemRow[], lang: Language): string {
  return items
    .map((item) =>
      translateIn('mail', lang, 'order.item_line', {
        position: item.position,
        description: lang === 'en' ? item.descriptionEn : item.descriptionDe,
        date: item.activationDate
          ? translateIn('mail', lang, 'order.on_date', { date: dayText(item.activationDate, lang) })
          : translateIn('mail', lang, 'order.asap'),
        oneOff: money(item.oneOffCents, lang),
        monthly: money(item.monthlyCents, lang),
      }),
    )
    .join('\n');
}

/** Queues the confirmation in the ordering transaction; nothing when the orderer has no address. */
export async function queueConfirmation(
  tx: Executor,
  clock: Clock,
  order: OrderRow,
  items: OrderItemRow[],
  orderer: UserContact | null,
  companyName: string,
): Promise<void> {
  if (!orderer?.email) {
    return;
  }
  const lang = pickLanguage(orderer.language);
  await queueMail(
    tx,
    { clock },
    {
      to: orderer.email,
      template: 'order_confirmation',
      language: lang,
      companyId: order.companyId,
      params: {
        displayName: orderer.displayName || orderer.username,
        orderNumber: order.number,
        companyName,
        items: confirmationLines(items, lang),
        oneOffTotal: money(order.oneOffCents, lang),
        monthlyTotal: money(order.monthlyCents, lang),
      },
    },
  );
}
