// Orders as the API shows them (contract: docs/contracts/workplaces-orders.md, "Orders").
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { Executor } from '../../db/client.ts';
import type { OrderItemStatus } from '../../db/schema/index.ts';
import { loadPricing, presentLines, type PresentedLine } from './cart.pricing.ts';
import {
  companyNames,
  itemsOfOrders,
  userNames,
  type OrderItemRow,
  type OrderRow,
} from './orders.repository.ts';
import { isCancellable } from './orders.rules.ts';

export interface OrderItemOutput {
  id: string;
  position: number;
  type: string;
  subjectId: string | null;
  description: string;
  activationDate: string | null;
  dueAt: string;
  status: OrderItemStatus;
  failureReason: string | null;
  attempts: number;
  lines: PresentedLine[];
  oneOffCents: number;
  monthlyCents: number;
  startedAt: string | null;
  finishedAt: string | null;
  cancellable: boolean;
}

export interface OrderOutput {
  id: string;
  number: string;
  companyId: string;
  companyName: string;
  placedAt: string;
  placedBy: string | null;
  status: OrderItemStatus;
  oneOffCents: number;
  monthlyCents: number;
  items: OrderItemOutput[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Orders with their items, company and orderer names, and line names in the caller's language. */
export async function presentOrders(
  db: Executor,
  rows: OrderRow[],
  lang: Language,
): Promise<OrderOutput[]> {
  if (rows.length === 0) {
    return [];
  }
  const [items, companies, people, pricing] = await Promise.all([
    itemsOfOrders(
      db,
      rows.map((r) => r.id),
    ),
    companyNames(
      db,
      rows.map((r) => r.companyId),
    ),
    userNames(
      db,
      rows.flatMap((r) => (r.placedBy ? [r.placedBy] : [])),
    ),
    loadPricing(db),
  ]);
  const byOrder = new Map<string, OrderItemRow[]>();
  for (const item of items) {
    byOrder.set(item.orderId, [...(byOrder.get(item.orderId) ?? []), item]);
  }
  return rows.map((order) => ({
    id: order.id,
    number: order.number,
    companyId: order.companyId,
    companyName: companies.get(order.companyId) ?? '',
    placedAt: order.placedAt.toISOString(),
    placedBy: order.placedBy ? (people.get(order.placedBy) ?? null) : null,
    status: order.status,
    oneOffCents: order.oneOffCents,
    monthlyCents: order.monthlyCents,
    items: (byOrder.get(order.id) ?? []).map((item) => ({
      id: item.id,
      position: item.position,
      type: item.type,
      subjectId: item.subjectId,
      description: lang === 'en' ? item.descriptionEn : item.descriptionDe,
      activationDate: item.activationDate,
      dueAt: item.dueAt.toISOString(),
      status: item.status,
      failureReason: item.failureReason,
      attempts: item.attempts,
      lines: presentLines(item.priceLines, pricing.products, lang),
      oneOffCents: item.oneOffCents,
      monthlyCents: item.monthlyCents,
      startedAt: iso(item.startedAt),
      finishedAt: iso(item.finishedAt),
      cancellable: isCancellable(item.status),
    })),
  }));
}
