import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { principal } from '../../http/request.ts';
import {
  outboxMessage,
  outboxPage,
  outboxQuery,
  providerBody,
  providerOutput,
} from './operator.schema.ts';
import {
  editProvider,
  getProvider,
  outboxMessage as readMessage,
  outboxPage as readPage,
} from './operator.service.ts';

const tags = ['operator'];

export const operatorRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  app.get(
    '/api/v1/outbox',
    {
      config: { auth: 'outbox.read' },
      schema: {
        summary: 'Mails and SMS, newest first; without a gateway they stay here unsent',
        tags,
        querystring: outboxQuery,
        response: { 200: outboxPage },
      },
    },
    (request) => readPage(ctx, request.query, requestLanguage(request)),
  );

  app.get(
    '/api/v1/outbox/:messageId',
    {
      config: { auth: 'outbox.read' },
      schema: {
        summary: 'One message with its text',
        tags,
        params: z.object({ messageId: z.uuid() }),
        response: { 200: outboxMessage },
      },
    },
    (request) => readMessage(ctx, request.params.messageId, requestLanguage(request)),
  );

  app.get(
    '/api/v1/provider',
    {
      config: { auth: 'provider.read' },
      schema: {
        summary: 'White-label settings of the provider',
        tags,
        response: { 200: providerOutput },
      },
    },
    () => getProvider(ctx),
  );

  app.patch(
    '/api/v1/provider',
    {
      config: { auth: 'provider.update' },
      schema: {
        summary: 'Change the white-label settings',
        tags,
        body: providerBody,
        response: { 200: providerOutput },
      },
    },
    (request) => editProvider(ctx, principal(request), request.body, request.id),
  );
  return Promise.resolve();
};
