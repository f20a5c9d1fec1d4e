// Routes of the wizard: drafts, their sections, the mobile check, live prices, "Auftrag
// hinzufügen" and templates (docs/contracts/workplaces-orders.md, section Workplaces).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { principal } from '../../http/request.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { actorOf } from '../companies/companies.service.ts';
import { cartOwner, readCart, removeCartItem } from '../orders/cart.service.ts';
import { loadPricing, presentCart } from '../orders/cart.pricing.ts';
import {
  createDraft,
  draftInCart,
  getDraft,
  listOwnDrafts,
  removeDraft,
  saveSection,
  type DraftOwner,
} from './drafts.service.ts';
import { presentMobileCheck } from './mobile.service.ts';
import { draftPrice } from './price.service.ts';
import { companyTemplates, removeTemplate, saveTemplate } from './templates.service.ts';
import { addDraftToCart } from './workplace-cart.service.ts';
import { ACTIVATE_ITEM } from './workplace-values.ts';
import {
  cartItemOutput,
  draftOutput,
  draftParams,
  mobileCheckBody,
  mobileCheckOutput,
  newDraftBody,
  priceOutput,
  sectionParams,
  sectionSaved,
  templateBody,
  templateOutput,
  templateParams,
  validateQuery,
} from './workplaces.schema.ts';

const tags = ['workplaces'];

export function ownerOf(request: FastifyRequest): DraftOwner {
  const p = principal(request);
  return { userId: p.userId, sessionId: p.sessionId, actor: actorOf(p) };
}

export const draftRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const base = '/api/v1/companies/:companyId';

  app.post(
    `${base}/workplace-drafts`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary:
          'Start the wizard: an empty draft, one from a template, or "Standard-Einstellungen" (standard: true)',
        tags,
        params: companyParams,
        body: newDraftBody,
        response: { 201: draftOutput },
      },
    },
    async (r, reply) =>
      reply.status(201).send(await createDraft(ctx, ownerOf(r), r.params.companyId, r.body)),
  );

  app.get(
    `${base}/workplace-drafts`,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary: "The caller's open drafts",
        tags,
        params: companyParams,
        response: { 200: z.object({ items: z.array(draftOutput) }) },
      },
    },
    async (r) => ({ items: await listOwnDrafts(ctx, ownerOf(r), r.params.companyId) }),
  );

  app.get(
    `${base}/workplace-drafts/:draftId`,
    {
      config: { auth: 'workplaces.read' },
      schema: { summary: 'A draft', tags, params: draftParams, response: { 200: draftOutput } },
    },
    (r) => getDraft(ctx, ownerOf(r), r.params.companyId, r.params.draftId),
  );

  app.put(
    `${base}/workplace-drafts/:draftId/sections/:section`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary:
          'Save a section (always); with validate=true it is "Weiter": 400 with every field issue, else completed and warnings',
        tags,
        params: sectionParams,
        querystring: validateQuery,
        body: z.record(z.string(), z.unknown()),
        response: { 200: sectionSaved },
      },
    },
    (r) =>
      saveSection(ctx, ownerOf(r), r.params.companyId, r.params.draftId, r.params.section, r.body, {
        validate: r.query.validate === 'true',
        lang: requestLanguage(r),
      }),
  );

  app.delete(
    `${base}/workplace-drafts/:draftId`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Delete a draft; its activation leaves the cart',
        tags,
        params: draftParams,
        response: { 204: z.null() },
      },
    },
    async (r, reply) => {
      const p = principal(r);
      const lang = requestLanguage(r);
      await removeDraft(ctx, ownerOf(r), r.params.companyId, r.params.draftId, async (id) => {
        const item = p.sessionId
          ? (await readCart(ctx, p, lang)).items.find(
              (i) => i.type === ACTIVATE_ITEM && i.subjectId === id,
            )
          : undefined;
        if (!item) {
          throw draftInCart();
        }
        await removeCartItem(ctx, p, item.id, lang);
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/workplace-drafts/:draftId/check-mobile`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Mobile integration: is the number eligible, or is the customer account needed?',
        tags,
        params: draftParams,
        body: mobileCheckBody,
        response: { 200: mobileCheckOutput },
      },
    },
    async (r) => {
      await getDraft(ctx, ownerOf(r), r.params.companyId, r.params.draftId);
      return presentMobileCheck(ctx.database.db, r.params.companyId, r.body, requestLanguage(r));
    },
  );

  app.get(
    `${base}/workplace-drafts/:draftId/price`,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary: 'Live prices of the draft at the tier the company would reach',
        tags,
        params: draftParams,
        response: { 200: priceOutput },
      },
    },
    (r) => draftPrice(ctx, ownerOf(r), r.params.companyId, r.params.draftId, requestLanguage(r)),
  );

  app.post(
    `${base}/workplace-drafts/:draftId/cart`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary:
          '"Auftrag hinzufügen": validate, check the quota, create the workplace (in_cart) and put its activation into the cart',
        tags,
        params: draftParams,
        response: { 201: z.object({ cartItem: cartItemOutput, workplaceId: z.string() }) },
      },
    },
    async (r, reply) => {
      const p = principal(r);
      const lang = requestLanguage(r);
      const created = await addDraftToCart(
        ctx,
        actorOf(p),
        cartOwner(p, r.params.companyId),
        r.params.draftId,
        lang,
      );
      const cart = await presentCart(
        ctx.database.db,
        [created.cartItem],
        await loadPricing(ctx.database.db),
        lang,
      );
      return reply
        .status(201)
        .send({ cartItem: cart.items[0]!, workplaceId: created.workplace.id });
    },
  );

  app.post(
    `${base}/workplace-drafts/:draftId/template`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary:
          '"Arbeitsplatz als Mustervorlage speichern": group, profile, desktop client, add-ons',
        tags,
        params: draftParams,
        body: templateBody,
        response: { 201: templateOutput },
      },
    },
    async (r, reply) =>
      reply
        .status(201)
        .send(
          await saveTemplate(
            ctx,
            ownerOf(r),
            r.params.companyId,
            r.params.draftId,
            r.body.name,
            requestLanguage(r),
          ),
        ),
  );

  app.get(
    `${base}/workplace-templates`,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary: 'Templates (Mustervorlagen) of the company',
        tags,
        params: companyParams,
        response: { 200: z.object({ items: z.array(templateOutput) }) },
      },
    },
    async (r) => ({ items: await companyTemplates(ctx, r.params.companyId) }),
  );

  app.delete(
    `${base}/workplace-templates/:templateId`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Delete a template',
        tags,
        params: templateParams,
        response: { 204: z.null() },
      },
    },
    async (r, reply) => {
      await removeTemplate(ctx, ownerOf(r), r.params.companyId, r.params.templateId);
      return reply.status(204).send(null);
    },
  );

  return Promise.resolve();
};
