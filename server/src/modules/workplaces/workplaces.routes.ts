// Routes of "Arbeitsplätze verwalten": list, detail, edits after activation, deactivation, and
// what goes through the cart (add-ons, conference, deletion).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { principal } from '../../http/request.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { actorOf } from '../companies/companies.service.ts';
import { cartOwner } from '../orders/cart.service.ts';
import { editWorkplaceSection } from './workplace-edit.service.ts';
import { setWorkplaceActive } from './workplace-status.service.ts';
import { changeAddons, changeConference, orderDeletion } from './workplace-orders.service.ts';
import { workplaceDetail, workplaceList } from './workplaces.service.ts';
import {
  addonsBody,
  cartItemOutput,
  conferenceBody,
  deleteBody,
  listOutput,
  listQuery,
  workplaceOutput,
  workplaceParams,
  workplaceSectionParams,
} from './workplaces.schema.ts';

const tags = ['workplaces'];

export const workplaceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const base = '/api/v1/companies/:companyId/workplaces';

  app.get(
    base,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary:
          'Workplaces with the quota; search by name, username, number or internal number; 15/30/60 per page',
        tags,
        params: companyParams,
        querystring: listQuery,
        response: { 200: listOutput },
      },
    },
    (r) => workplaceList(ctx, r.params.companyId, r.query),
  );

  app.get(
    `${base}/:workplaceId`,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary: 'A workplace with every setting, its minimum term and open order items',
        tags,
        params: workplaceParams,
        response: { 200: workplaceOutput },
      },
    },
    (r) => workplaceDetail(ctx, r.params.companyId, r.params.workplaceId, requestLanguage(r)),
  );

  app.patch(
    `${base}/:workplaceId/sections/:section`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary:
          'Change a section at once (audited); group fixed after set-up, username never; add-ons and mobile options through the cart',
        tags,
        params: workplaceSectionParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: workplaceOutput },
      },
    },
    (r) =>
      editWorkplaceSection(
        ctx,
        actorOf(principal(r)),
        r.params.companyId,
        r.params.workplaceId,
        r.params.section,
        r.body,
        requestLanguage(r),
      ),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `${base}/:workplaceId/${action}`,
      {
        config: { auth: 'workplaces.manage' },
        schema: {
          summary: active
            ? 'Reactivate a deactivated workplace'
            : 'Deactivate a workplace (base data, numbers and devices are kept)',
          tags,
          params: workplaceParams,
          response: { 200: workplaceOutput },
        },
      },
      (r) =>
        setWorkplaceActive(
          ctx,
          actorOf(principal(r)),
          r.params.companyId,
          r.params.workplaceId,
          active,
          requestLanguage(r),
        ),
    );
  }

  app.post(
    `${base}/:workplaceId/addons`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary:
          'Book or cancel add-ons and mobile options through the cart (cancellation at the earliest at the end of the minimum term)',
        tags,
        params: workplaceParams,
        body: addonsBody,
        response: { 201: z.object({ cartItems: z.array(cartItemOutput) }) },
      },
    },
    async (r, reply) => {
      const p = principal(r);
      const cartItems = await changeAddons(
        ctx,
        cartOwner(p, r.params.companyId),
        r.params.workplaceId,
        r.body,
        requestLanguage(r),
      );
      return reply.status(201).send({ cartItems });
    },
  );

  app.post(
    `${base}/:workplaceId/conference`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Switch the conference add-on/package (null: none) through the cart',
        tags,
        params: workplaceParams,
        body: conferenceBody,
        response: { 201: z.object({ cartItem: cartItemOutput }) },
      },
    },
    async (r, reply) => {
      const p = principal(r);
      const cartItem = await changeConference(
        ctx,
        cartOwner(p, r.params.companyId),
        r.params.workplaceId,
        r.body.productKey,
        requestLanguage(r),
      );
      return reply.status(201).send({ cartItem });
    },
  );

  app.post(
    `${base}/:workplaceId/delete`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary:
          'Delete through the cart; before the 30-day minimum term ends: 400 delete_before_term with the first possible date',
        tags,
        params: workplaceParams,
        body: deleteBody,
        response: { 201: z.object({ cartItem: cartItemOutput }) },
      },
    },
    async (r, reply) => {
      const p = principal(r);
      const cartItem = await orderDeletion(
        ctx,
        cartOwner(p, r.params.companyId),
        r.params.workplaceId,
        r.body.activationDate ?? null,
        requestLanguage(r),
      );
      return reply.status(201).send({ cartItem });
    },
  );

  return Promise.resolve();
};
