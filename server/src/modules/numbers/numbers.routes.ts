import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { principal } from '../../http/request.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { actorOf } from '../companies/companies.service.ts';
import { importBlocksCsv } from './numbers.import.ts';
import { decadeNumbers, searchNumbers } from './numbers.query.ts';
import {
  assignBody,
  assignmentOutput,
  blockOutput,
  blocksQuery,
  decadeNumbersQuery,
  decadeParams,
  lengthenBody,
  newBlockBody,
  numberPage,
  searchQuery,
} from './numbers.schema.ts';
import { assignNumber, releaseNumber } from './numbers.assign.ts';
import {
  blockOverview,
  changeDecadeLength,
  createBlock,
  moveBlockToGroup,
  removeBlock,
} from './numbers.service.ts';

const tags = ['numbers'];
const blockParams = companyParams.extend({ blockId: z.uuid() });

export const numberRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  // Raw CSV uploads of number blocks (operators), at most 2 MB.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
    (_req, body, done) => {
      done(null, body);
    },
  );

  app.get(
    '/api/v1/companies/:companyId/number-blocks',
    {
      config: { auth: 'numbers.read' },
      schema: {
        summary: 'Blocks and single numbers (Rufnummernplan) with decades, lengths and counts',
        tags,
        params: companyParams,
        querystring: blocksQuery,
        response: { 200: z.object({ items: z.array(blockOutput) }) },
      },
    },
    async (request) => ({
      items: await blockOverview(ctx, request.params.companyId, request.query),
    }),
  );

  app.post(
    '/api/v1/companies/:companyId/number-blocks',
    {
      config: { auth: 'numbers.manage' },
      schema: {
        summary: 'Hand out a DDI block or a single number (MSN) to the company',
        tags,
        params: companyParams,
        body: newBlockBody,
        response: { 201: blockOutput },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createBlock(
            ctx,
            actorOf(principal(request)),
            request.params.companyId,
            request.body,
          ),
        ),
  );

  app.post(
    '/api/v1/companies/:companyId/number-blocks/import',
    {
      config: { auth: 'numbers.manage' },
      schema: {
        summary: 'Hand out many blocks and numbers from a CSV file (all or nothing)',
        description:
          'Body: text/csv (UTF-8, ; or ,) with the columns Rufnummer, Art (Block/Einzelrufnummer), ' +
          'Durchwahlstellen, Dekaden, Verfügbar ab, Herkunft (neu/portiert). English headers work too.',
        tags,
        params: companyParams,
        body: z.string().max(2 * 1024 * 1024),
        response: { 201: z.object({ created: z.number(), items: z.array(blockOutput) }) },
      },
    },
    async (request, reply) => {
      const items = await importBlocksCsv(
        ctx,
        actorOf(principal(request)),
        request.params.companyId,
        request.body,
      );
      return reply.status(201).send({ created: items.length, items });
    },
  );

  app.patch(
    '/api/v1/companies/:companyId/number-blocks/:blockId',
    {
      config: { auth: 'numbers.configure' },
      schema: {
        summary: 'Assign a block or single number to a group/location',
        tags,
        params: blockParams,
        body: z.object({ groupId: z.uuid() }),
        response: { 200: blockOutput },
      },
    },
    (request) =>
      moveBlockToGroup(
        ctx,
        actorOf(principal(request)),
        request.params.companyId,
        request.params.blockId,
        request.body.groupId,
      ),
  );

  app.delete(
    '/api/v1/companies/:companyId/number-blocks/:blockId',
    {
      config: { auth: 'numbers.manage' },
      schema: {
        summary: 'Take a block back; refused while any of its numbers is assigned',
        tags,
        params: blockParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeBlock(
        ctx,
        actorOf(principal(request)),
        request.params.companyId,
        request.params.blockId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/companies/:companyId/number-blocks/:blockId/decades/:digit/length',
    {
      config: { auth: 'numbers.configure' },
      schema: {
        summary: 'Lengthen (by > 0) or shorten (by < 0) a decade — Rufnummernverlängerung',
        tags,
        params: decadeParams,
        body: lengthenBody,
        response: { 200: blockOutput },
      },
    },
    (request) =>
      changeDecadeLength(
        ctx,
        actorOf(principal(request)),
        request.params.companyId,
        request.params.blockId,
        request.params.digit,
        request.body.by,
      ),
  );

  app.get(
    '/api/v1/companies/:companyId/number-blocks/:blockId/decades/:digit/numbers',
    {
      config: { auth: 'numbers.read' },
      schema: {
        summary: 'Numbers of a decade at the chosen length: free, taken or all, paged',
        tags,
        params: decadeParams,
        querystring: decadeNumbersQuery,
        response: { 200: numberPage },
      },
    },
    (request) =>
      decadeNumbers(
        ctx,
        request.params.companyId,
        request.params.blockId,
        request.params.digit,
        request.query,
      ),
  );

  app.get(
    '/api/v1/companies/:companyId/numbers/search',
    {
      config: { auth: 'numbers.read' },
      schema: {
        summary: 'Search numbers: 0xy… or +49xy… from the start, *digits anywhere',
        tags,
        params: companyParams,
        querystring: searchQuery,
        response: { 200: numberPage },
      },
    },
    (request) => searchNumbers(ctx, request.params.companyId, request.query),
  );

  app.post(
    '/api/v1/companies/:companyId/number-assignments',
    {
      config: { auth: 'numbers.assign' },
      schema: {
        summary: 'Reserve or assign a number exclusively to a target',
        tags,
        params: companyParams,
        body: assignBody,
        response: { 201: assignmentOutput },
      },
    },
    async (request, reply) => {
      const row = await assignNumber(ctx, actorOf(principal(request)), request.params.companyId, {
        number: request.body.number,
        target: {
          type: request.body.targetType,
          id: request.body.targetId,
          label: request.body.targetLabel ?? '',
        },
        ...(request.body.state ? { state: request.body.state } : {}),
      });
      return reply.status(201).send({
        id: row.id,
        e164: row.e164,
        state: row.state,
        targetType: row.targetType,
        targetId: row.targetId,
        targetLabel: row.targetLabel,
        createdAt: row.createdAt.toISOString(),
      });
    },
  );

  app.delete(
    '/api/v1/companies/:companyId/number-assignments/:assignmentId',
    {
      config: { auth: 'numbers.assign' },
      schema: {
        summary: 'Release a number',
        tags,
        params: companyParams.extend({ assignmentId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await releaseNumber(
        ctx,
        actorOf(principal(request)),
        request.params.companyId,
        request.params.assignmentId,
      );
      return reply.status(204).send(null);
    },
  );
  return Promise.resolve();
};
