import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { quotasOutput } from './quotas.schema.ts';
import { companyQuotas } from './quotas.service.ts';

export const quotaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  app.get(
    '/api/v1/companies/:companyId/quotas',
    {
      config: { auth: 'orders.read' },
      schema: {
        summary: 'Quotas: workplaces configured/available, parallel calls, partner licences',
        tags: ['orders'],
        params: companyParams,
        response: { 200: quotasOutput },
      },
    },
    (request) => companyQuotas(ctx, request.params.companyId, requestLanguage(request)),
  );
  return Promise.resolve();
};
