import { z } from 'zod';
import { ORDER_ITEM_STATUSES } from '../../db/schema/index.ts';
import { pageQuery } from '../companies/companies.schema.ts';

const isoDate = z.iso.date();

export const priceLineOutput = z.object({
  productKey: z.string(),
  name: z.string(),
  quantity: z.number(),
  /** Unit price a month after the volume tier, as shown and ordered. */
  unitMonthlyCents: z.number(),
  /** The line's one-off price (quantity × unit one-off price). */
  oneOffCents: z.number(),
  tierFrom: z.number().nullable(),
});

export const cartItemOutput = z.object({
  id: z.string(),
  type: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  subjectId: z.string().nullable(),
  description: z.string(),
  activationDate: z.string().nullable(),
  earliestDate: z.string().nullable(),
  lines: z.array(priceLineOutput),
  oneOffCents: z.number(),
  monthlyCents: z.number(),
  createdAt: z.string(),
});

export const cartOutput = z.object({
  items: z.array(cartItemOutput),
  count: z.number(),
  oneOffCents: z.number(),
  monthlyCents: z.number(),
  /** Hash of every price shown; POST /cart/order sends it back. */
  priceToken: z.string(),
});

const status = z.enum(ORDER_ITEM_STATUSES);

export const orderItemOutput = z.object({
  id: z.string(),
  position: z.number(),
  type: z.string(),
  subjectId: z.string().nullable(),
  description: z.string(),
  activationDate: z.string().nullable(),
  dueAt: z.string(),
  status,
  failureReason: z.string().nullable(),
  attempts: z.number(),
  lines: z.array(priceLineOutput),
  oneOffCents: z.number(),
  monthlyCents: z.number(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  cancellable: z.boolean(),
});

export const orderOutput = z.object({
  id: z.string(),
  number: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  placedAt: z.string(),
  placedBy: z.string().nullable(),
  status,
  oneOffCents: z.number(),
  monthlyCents: z.number(),
  items: z.array(orderItemOutput),
});

export const orderPage = z.object({
  items: z.array(orderOutput),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const cartItemParams = z.object({ itemId: z.uuid() });
export const rescheduleBody = z.object({ activationDate: isoDate.nullable() });
export const placeOrderBody = z.object({ priceToken: z.string().trim().min(1).max(200) });
export const placedOutput = z.object({ orders: z.array(orderOutput) });

export const orderParams = z.object({ companyId: z.string(), orderId: z.uuid() });
export const orderItemParams = orderParams.extend({ itemId: z.uuid() });
export const operatorItemParams = z.object({ orderId: z.uuid(), itemId: z.uuid() });

const listFilters = {
  status: status.optional(),
  type: z.string().trim().min(1).max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
};

export const orderListQuery = z.object(listFilters);
export const operatorOrderListQuery = z.object({ ...listFilters, companyId: z.uuid().optional() });
