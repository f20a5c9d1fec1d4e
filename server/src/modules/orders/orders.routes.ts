import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { principal } from '../../http/request.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { principalActor, readCart, removeCartItem, rescheduleCartItem } from './cart.service.ts';
import { cancelOrder, orderDetail, orderList, retryOrderItem } from './orders.actions.ts';
import {
  cartItemParams,
  cartOutput,
  operatorItemParams,
  operatorOrderListQuery,
  orderItemParams,
  orderListQuery,
  orderOutput,
  orderPage,
  orderParams,
  placedOutput,
  placeOrderBody,
  rescheduleBody,
} from './orders.schema.ts';
import { placeOrder } from './orders.service.ts';

const cartTags = ['cart'];
const tags = ['orders'];

export const orderRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const base = '/api/v1/companies/:companyId/orders';
  const actor = (request: Parameters<typeof principal>[0]) => principalActor(principal(request));

  app.get(
    '/api/v1/cart',
    {
      config: { auth: 'cart.use' },
      schema: {
        summary:
          'The cart of the login session with prices at the volume tier (API tokens: 409 cart_needs_session)',
        tags: cartTags,
        response: { 200: cartOutput },
      },
    },
    (r) => readCart(ctx, principal(r), requestLanguage(r)),
  );

  app.delete(
    '/api/v1/cart/items/:itemId',
    {
      config: { auth: 'cart.use' },
      schema: {
        summary: 'Remove an item from the cart; what it reserved is given back',
        tags: cartTags,
        params: cartItemParams,
        response: { 200: cartOutput },
      },
    },
    (r) => removeCartItem(ctx, principal(r), r.params.itemId, requestLanguage(r)),
  );

  app.patch(
    '/api/v1/cart/items/:itemId',
    {
      config: { auth: 'cart.use' },
      schema: {
        summary: 'Change the activation date of a cart item (null = as soon as possible)',
        tags: cartTags,
        params: cartItemParams,
        body: rescheduleBody,
        response: { 200: cartOutput },
      },
    },
    (r) =>
      rescheduleCartItem(
        ctx,
        principal(r),
        r.params.itemId,
        r.body.activationDate,
        requestLanguage(r),
      ),
  );

  app.post(
    '/api/v1/cart/order',
    {
      config: { auth: 'cart.use' },
      schema: {
        summary:
          '"Kostenpflichtig bestellen": one order per company; 409 prices_changed with the new cart',
        tags: cartTags,
        body: placeOrderBody,
        response: { 201: placedOutput },
      },
    },
    async (r, reply) => {
      const orders = await placeOrder(ctx, principal(r), r.body.priceToken, requestLanguage(r));
      ctx.jobs.poke();
      return reply.status(201).send({ orders });
    },
  );

  app.get(
    base,
    {
      config: { auth: 'orders.read' },
      schema: {
        summary: 'Orders of the company, newest first (filters: status, item type, placed from/to)',
        tags,
        params: companyParams,
        querystring: orderListQuery,
        response: { 200: orderPage },
      },
    },
    (r) => orderList(ctx, r.params.companyId, r.query, requestLanguage(r)),
  );

  app.get(
    `${base}/:orderId`,
    {
      config: { auth: 'orders.read' },
      schema: { summary: 'One order', tags, params: orderParams, response: { 200: orderOutput } },
    },
    (r) => orderDetail(ctx, r.params.companyId, r.params.orderId, requestLanguage(r)),
  );

  app.post(
    `${base}/:orderId/cancel`,
    {
      config: { auth: 'orders.cancel' },
      schema: {
        summary: 'Cancel every item of the order whose execution has not started',
        tags,
        params: orderParams,
        response: { 200: orderOutput },
      },
    },
    (r) =>
      cancelOrder(ctx, actor(r), r.params.companyId, r.params.orderId, null, requestLanguage(r)),
  );

  app.post(
    `${base}/:orderId/items/:itemId/cancel`,
    {
      config: { auth: 'orders.cancel' },
      schema: {
        summary: 'Cancel one item before its execution starts',
        tags,
        params: orderItemParams,
        response: { 200: orderOutput },
      },
    },
    (r) =>
      cancelOrder(
        ctx,
        actor(r),
        r.params.companyId,
        r.params.orderId,
        r.params.itemId,
        requestLanguage(r),
      ),
  );

  app.get(
    '/api/v1/orders',
    {
      config: { auth: 'orders.operate' },
      schema: {
        summary: 'Operators: orders of all companies',
        tags,
        querystring: operatorOrderListQuery,
        response: { 200: orderPage },
      },
    },
    (r) => orderList(ctx, r.query.companyId ?? null, r.query, requestLanguage(r)),
  );

  app.post(
    '/api/v1/orders/:orderId/items/:itemId/retry',
    {
      config: { auth: 'orders.operate' },
      schema: {
        summary: 'Operators: run a failed item again from its first step that is not done',
        tags,
        params: operatorItemParams,
        response: { 200: orderOutput },
      },
    },
    async (r) => {
      const order = await retryOrderItem(
        ctx,
        actor(r),
        r.params.orderId,
        r.params.itemId,
        requestLanguage(r),
      );
      ctx.jobs.poke();
      return order;
    },
  );

  return Promise.resolve();
};
