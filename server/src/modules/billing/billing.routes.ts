import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { billingMonthOutput, monthQuery } from './billing.schema.ts';
import { billingExport, billingMonth } from './billing.service.ts';

const tags = ['billing'];

export const billingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const base = '/api/v1/companies/:companyId/billing';

  app.get(
    base,
    {
      config: { auth: 'billing.read' },
      schema: {
        summary: 'Charges of a month per product: days charged, largest quantity, amount',
        tags,
        params: companyParams,
        querystring: monthQuery,
        response: { 200: billingMonthOutput },
      },
    },
    (request) =>
      billingMonth(ctx, request.params.companyId, request.query.month, requestLanguage(request)),
  );

  app.get(
    `${base}/export`,
    {
      config: { auth: 'billing.read' },
      schema: {
        summary:
          'The month as CSV (UTF-8 with BOM, semicolons): Datum;Produkt;Menge;Preis pro Monat;Betrag',
        tags,
        params: companyParams,
        querystring: monthQuery,
        response: { 200: z.any().describe('text/csv') },
      },
    },
    async (request, reply) => {
      const file = await billingExport(
        ctx,
        request.params.companyId,
        request.query.month,
        requestLanguage(request),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  return Promise.resolve();
};
