// The test app for the cart and order tests: demo data, the catalogue, the test item type and a
// test-only route that puts an item into the caller's cart the way a module does (addToCart in
// the module's own transaction, the owner from the caller's session).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { seedDemoData } from '../../../demo/seed.ts';
import { principal } from '../../../http/request.ts';
import { call, DEMO_PASSWORD, type Session } from '../../../test/api-client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { seedCatalogIfEmpty } from '../../catalog/catalog.seed.ts';
import { addToCart, cartOwner } from '../cart.service.ts';
import { registerTestItemType, TEST_ITEM_TYPE } from './test-item-types.ts';

export const TEST_CART_ROUTE = '/api/v1/test/companies/:companyId/cart';

const body = z.object({
  type: z.string().default(TEST_ITEM_TYPE),
  activationDate: z.string().nullable().default(null),
  earliestDate: z.string().nullable().default(null),
  quantity: z.number().int().default(1),
  productKey: z.string().default('cloud_pbx_workplace'),
  payload: z.record(z.string(), z.unknown()).default({}),
});

function testCartRoute(app: FastifyInstance, holder: { t?: TestApp }): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      TEST_CART_ROUTE,
      { config: { auth: 'cart.use' }, schema: { body, hide: true } },
      async (request, reply) => {
        const ctx = holder.t!.ctx;
        const { companyId } = request.params as { companyId: string };
        const owner = cartOwner(principal(request), companyId);
        const item = await ctx.database.transaction((tx) =>
          addToCart(tx, ctx, owner, {
            type: request.body.type,
            subjectId: randomUUID(),
            descriptionDe: 'Testposition',
            descriptionEn: 'Test item',
            activationDate: request.body.activationDate,
            earliestDate: request.body.earliestDate,
            lines: [{ productKey: request.body.productKey, quantity: request.body.quantity }],
            payload: request.body.payload,
          }),
        );
        return reply.status(201).send(item);
      },
    );
}

export interface OrdersTestApp {
  t: TestApp;
  companyId: string;
}

export async function createOrdersTestApp(): Promise<OrdersTestApp> {
  const holder: { t?: TestApp } = {};
  const t = await createTestApp({ beforeReady: (app) => testCartRoute(app, holder) });
  holder.t = t;
  await seedCatalogIfEmpty(t.ctx.database, t.clock);
  const seeded = await seedDemoData(t.ctx.database, t.clock, DEMO_PASSWORD);
  registerTestItemType();
  return { t, companyId: seeded.companyId! };
}

/** Puts a test item into the session's cart; returns the stored cart item. */
export async function addTestItem(
  t: TestApp,
  session: Session,
  companyId: string,
  item: Partial<z.input<typeof body>> = {},
) {
  const res = await call(t.app, 'POST', TEST_CART_ROUTE.replace(':companyId', companyId), {
    session,
    body: item,
  });
  if (res.statusCode !== 201) {
    throw new Error(`adding a test item failed: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ id: string; subjectId: string }>();
}
