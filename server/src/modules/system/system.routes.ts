import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { healthResponse, healthUnavailable, metaResponse } from './system.schema.ts';
import { getMeta } from './system.service.ts';

export const systemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and database health',
        tags: ['system'],
        response: { 200: healthResponse, 503: healthUnavailable },
      },
    },
    async (_request, reply) => {
      if (await ctx.database.ping()) {
        return { status: 'ok' as const };
      }
      return reply.status(503).send({ status: 'unavailable' as const, reason: 'database' });
    },
  );

  app.get(
    '/api/v1/meta',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'Installation facts for the web app (product name, help links)',
        tags: ['system'],
        response: { 200: metaResponse },
      },
    },
    () => getMeta(ctx.database, ctx.version),
  );
  return Promise.resolve();
};
