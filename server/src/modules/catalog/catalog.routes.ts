import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { principal } from '../../http/request.ts';
import { actorOf } from '../companies/companies.service.ts';
import {
  addonCheckBody,
  addonCheckOutput,
  deviceBody,
  deviceOutput,
  deviceParams,
  devicePatch,
  devicesQuery,
  priceOutput,
  priceQuery,
  productOutput,
  productParams,
  productPatch,
  productsQuery,
  tariffsBody,
  tariffsOutput,
} from './catalog.schema.ts';
import { checkAddons, editProduct, listCatalogProducts, productPrice } from './catalog.service.ts';
import {
  addDevice,
  catalogDevices,
  editDevice,
  mobileTariffList,
  replaceMobileTariffs,
} from './devices.service.ts';

const tags = ['catalog'];

export const catalogRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  app.get(
    '/api/v1/catalog/products',
    {
      config: { auth: 'catalog.read' },
      schema: {
        summary: 'Products, add-ons and packages with prices, volume tiers, term and rules',
        tags,
        querystring: productsQuery,
        response: { 200: z.object({ items: z.array(productOutput) }) },
      },
    },
    async (request) => ({
      items: await listCatalogProducts(ctx, request.query, requestLanguage(request)),
    }),
  );

  app.get(
    '/api/v1/catalog/products/:key/price',
    {
      config: { auth: 'catalog.read' },
      schema: {
        summary: 'Monthly price of n units: the tier of the company total prices every unit',
        tags,
        params: productParams,
        querystring: priceQuery,
        response: { 200: priceOutput },
      },
    },
    (request) => productPrice(ctx, request.params.key, request.query.count),
  );

  app.patch(
    '/api/v1/catalog/products/:key',
    {
      config: { auth: 'catalog.manage' },
      schema: {
        summary: 'Change prices, tiers, minimum term, active flag or dependency rules',
        tags,
        params: productParams,
        body: productPatch,
        response: { 200: productOutput },
      },
    },
    (request) =>
      editProduct(ctx, actorOf(principal(request)), request.params.key, request.body, {
        lang: requestLanguage(request),
        requestId: request.id,
      }),
  );

  app.post(
    '/api/v1/catalog/addon-check',
    {
      config: { auth: 'catalog.read' },
      schema: {
        summary: 'Check add-ons chosen for a workplace against the catalogue dependency rules',
        tags,
        body: addonCheckBody,
        response: { 200: addonCheckOutput },
      },
    },
    (request) => checkAddons(ctx.database.db, request.body, requestLanguage(request)),
  );

  app.get(
    '/api/v1/catalog/devices',
    {
      config: { auth: 'catalog.read' },
      schema: {
        summary: 'Device models with their path (category → manufacturer → series)',
        tags,
        querystring: devicesQuery,
        response: { 200: z.object({ items: z.array(deviceOutput) }) },
      },
    },
    async (request) => ({ items: await catalogDevices(ctx, request.query) }),
  );

  app.post(
    '/api/v1/catalog/devices',
    {
      config: { auth: 'catalog.manage' },
      schema: {
        summary: 'Add a device model or profile',
        tags,
        body: deviceBody,
        response: { 201: deviceOutput },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addDevice(ctx, actorOf(principal(request)), request.body, {
          lang: requestLanguage(request),
          requestId: request.id,
        }),
      ),
  );

  app.patch(
    '/api/v1/catalog/devices/:id',
    {
      config: { auth: 'catalog.manage' },
      schema: {
        summary: 'Rename, move or (de)activate a device model',
        tags,
        params: deviceParams,
        body: devicePatch,
        response: { 200: deviceOutput },
      },
    },
    (request) =>
      editDevice(ctx, actorOf(principal(request)), request.params.id, request.body, {
        lang: requestLanguage(request),
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/catalog/mobile-tariffs',
    {
      config: { auth: 'catalog.read' },
      schema: {
        summary: 'Mobile tariffs eligible for mobile integration',
        tags,
        response: { 200: tariffsOutput },
      },
    },
    () => mobileTariffList(ctx),
  );

  app.put(
    '/api/v1/catalog/mobile-tariffs',
    {
      config: { auth: 'catalog.manage' },
      schema: {
        summary: 'Replace the list of eligible mobile tariffs',
        tags,
        body: tariffsBody,
        response: { 200: tariffsOutput },
      },
    },
    (request) => replaceMobileTariffs(ctx, actorOf(principal(request)), request.body, request.id),
  );
  return Promise.resolve();
};
