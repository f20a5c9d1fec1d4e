// "Kostenpflichtig bestellen" (seed 003 "Warenkorb bestellen"): the cart becomes one order per
// company in one transaction — prices checked against what was shown, items copied with those
// prices, the item types told, one execution job per item, the cart emptied, the mail queued.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/runner.ts';
import { canAccessCompany, type Principal } from '../auth/principal.ts';
import { loadPricing, presentCart, repriceCart, tokenOf, type Cart } from './cart.pricing.ts';
import { principalActor, sessionOf } from './cart.service.ts';
import { itemType, type OrdersDeps } from './item-types.ts';
import { refreshOrderStatus } from './order-status.ts';
import { EXECUTE_JOB, EXECUTE_MAX_ATTEMPTS, executeDedupeKey } from './orders.execution.ts';
import { queueConfirmation } from './orders.mail.ts';
import { presentOrders, type OrderOutput } from './orders.present.ts';
import { cartItemsOfSession, deleteCartItems, type CartItemRow } from './cart.repository.ts';
import {
  companyNames,
  insertOrder,
  insertOrderItems,
  lastOrderSequence,
  lockOrderNumbers,
  ordersByIds,
  userContact,
  type OrderRow,
} from './orders.repository.ts';
import { berlinDay, dueAtOf, initialStatus, orderNumber } from './orders.rules.ts';

export { addToCart, cartOwner, discardCart, sweepCarts } from './cart.service.ts';

type Placed = { placed: OrderRow[] } | { changed: Cart };

function byCompany(rows: CartItemRow[]): Map<string, CartItemRow[]> {
  const groups = new Map<string, CartItemRow[]>();
  for (const row of rows) {
    groups.set(row.companyId, [...(groups.get(row.companyId) ?? []), row]);
  }
  return groups;
}

/**
 * POST /cart/order. 409 prices_changed (with the new cart) when the token does not match the
 * prices as they are now; the new prices are stored, so ordering again with the new token works.
 */
export async function placeOrder(
  deps: OrdersDeps,
  principal: Principal,
  priceToken: string,
  lang: Language,
): Promise<OrderOutput[]> {
  const sessionId = sessionOf(principal);
  const outcome = await deps.database.transaction(async (tx): Promise<Placed> => {
    const pricing = await loadPricing(tx);
    const locked = await cartItemsOfSession(tx, sessionId, { lock: true });
    if (locked.length === 0) {
      throw new AppError('cart_empty', 400);
    }
    const rows = await repriceCart(tx, locked, pricing);
    if (tokenOf(rows) !== priceToken) {
      return { changed: await presentCart(tx, rows, pricing, lang) };
    }
    const now = deps.clock.now();
    const today = berlinDay(now);
    for (const row of rows) {
      if (!canAccessCompany(principal, row.companyId)) {
        throw notFound();
      }
      if (row.activationDate && row.activationDate < today) {
        throw new AppError('cart_date_past', 400, {
          params: { description: lang === 'en' ? row.descriptionEn : row.descriptionDe },
          details: [{ field: `items.${row.id}.activationDate`, rule: 'cart_date_before_today' }],
        });
      }
    }
    await lockOrderNumbers(tx);
    let sequence = await lastOrderSequence(tx, today.slice(0, 4));
    const orderer = await userContact(tx, principal.userId);
    const names = await companyNames(tx, [...byCompany(rows).keys()]);
    const actor = principalActor(principal);
    const placed: OrderRow[] = [];
    for (const [companyId, items] of byCompany(rows)) {
      sequence += 1;
      const order = await insertOrder(tx, {
        number: orderNumber(today.slice(0, 4), sequence),
        companyId,
        placedBy: principal.userId,
        placedAt: now,
        status: 'ordered',
        oneOffCents: items.reduce((sum, i) => sum + i.oneOffCents, 0),
        monthlyCents: items.reduce((sum, i) => sum + i.monthlyCents, 0),
        updatedAt: now,
      });
      const ordered = await insertOrderItems(
        tx,
        items.map((item, index) => {
          const dueAt = dueAtOf(item, now);
          return {
            orderId: order.id,
            companyId,
            position: index + 1,
            type: item.type,
            subjectId: item.subjectId,
            descriptionDe: item.descriptionDe,
            descriptionEn: item.descriptionEn,
            activationDate: item.activationDate,
            dueAt,
            // The price shown is the price ordered: copied, never recomputed.
            priceLines: item.priceLines,
            oneOffCents: item.oneOffCents,
            monthlyCents: item.monthlyCents,
            payload: item.payload,
            status: initialStatus(dueAt, now),
            updatedAt: now,
          };
        }),
      );
      await refreshOrderStatus(tx, order.id, now);
      for (const item of ordered) {
        const type = itemType(item.type);
        if (type?.onOrdered) {
          await type.onOrdered(
            { tx, deps, item, companyId, actor, today },
            type.parse(item.payload),
          );
        }
        await enqueueJob(
          tx,
          {
            kind: EXECUTE_JOB,
            payload: { itemId: item.id },
            runAt: item.dueAt,
            dedupeKey: executeDedupeKey(item.id),
            maxAttempts: EXECUTE_MAX_ATTEMPTS,
          },
          deps.clock,
        );
      }
      await recordAudit(tx, {
        actor,
        companyId,
        entity: 'order',
        entityId: order.id,
        action: 'placed',
        after: {
          number: order.number,
          items: ordered.map((i) => ({ type: i.type, subjectId: i.subjectId, due: i.dueAt })),
          oneOffCents: order.oneOffCents,
          monthlyCents: order.monthlyCents,
        },
        at: now,
      });
      await queueConfirmation(tx, deps.clock, order, ordered, orderer, names.get(companyId) ?? '');
      placed.push(order);
    }
    await deleteCartItems(
      tx,
      rows.map((r) => r.id),
    );
    return { placed };
  });
  if ('changed' in outcome) {
    throw new AppError('prices_changed', 409, { details: { cart: outcome.changed } });
  }
  const placed = await ordersByIds(
    deps.database.db,
    outcome.placed.map((o) => o.id),
  );
  return presentOrders(deps.database.db, placed, lang);
}
