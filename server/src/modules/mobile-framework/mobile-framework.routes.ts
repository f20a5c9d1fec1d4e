import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { principal } from '../../http/request.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { actorOf } from '../companies/companies.service.ts';
import {
  frameworkBody,
  frameworkEntry,
  frameworkList,
  frameworkParams,
} from './mobile-framework.schema.ts';
import {
  addFrameworkEntry,
  listFramework,
  removeFrameworkEntry,
} from './mobile-framework.service.ts';

const tags = ['mobile framework contract'];

export const mobileFrameworkRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const base = '/api/v1/companies/:companyId/mobile-framework';
  const actor = (request: Parameters<typeof principal>[0]) => actorOf(principal(request));

  app.get(
    base,
    {
      config: { auth: 'mobile_framework.read' },
      schema: {
        summary:
          "The company's mobile framework contract: numbers and ranges with their tariffs (no customer account number needed for them)",
        tags,
        params: companyParams,
        response: { 200: frameworkList },
      },
    },
    (r) => listFramework(ctx, r.params.companyId),
  );

  app.post(
    base,
    {
      config: { auth: 'mobile_framework.manage' },
      schema: {
        summary:
          'Add a mobile number or range prefix ("0170 123", "+49 170 1234567") with its eligible tariff',
        tags,
        params: companyParams,
        body: frameworkBody,
        response: { 201: frameworkEntry },
      },
    },
    async (r, reply) =>
      reply
        .status(201)
        .send(await addFrameworkEntry(ctx, actor(r), r.params.companyId, r.body, r.id)),
  );

  app.delete(
    `${base}/:id`,
    {
      config: { auth: 'mobile_framework.manage' },
      schema: {
        summary: 'Remove an entry of the mobile framework contract',
        tags,
        params: frameworkParams,
        response: { 204: z.null() },
      },
    },
    async (r, reply) => {
      await removeFrameworkEntry(ctx, actor(r), r.params.companyId, r.params.id, r.id);
      return reply.status(204).send(null);
    },
  );

  return Promise.resolve();
};
