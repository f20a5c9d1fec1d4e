import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { requestLanguage } from '../../http/error-handler.ts';
import { principal } from '../../http/request.ts';
import { AppError } from '../../platform/errors.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { cartOwner, principalActor } from '../orders/cart.service.ts';
import { errorWorkbook, exportFile, templateFile } from './files.service.ts';
import { presentImport, presentRow } from './imports.present.ts';
import {
  commitBody,
  formatQuery,
  importOutput,
  importParams,
  rowsOutput,
  rowsQuery,
  uploadQuery,
} from './imports.schema.ts';
import { commitImport } from './import-commit.service.ts';
import {
  fileTooLarge,
  importRows,
  ownImport,
  ownImports,
  uploadList,
  type ImportDeps,
} from './imports.service.ts';
import type { ListFile } from './workbook.ts';

const tags = ['imports'];
const base = '/api/v1/companies/:companyId/imports';
// What browsers and scripts send for .xlsx and .csv files.
const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
  'text/plain',
];

function sendFile(reply: FastifyReply, file: ListFile) {
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(file.body);
}

export const importRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const deps: ImportDeps = { ...ctx, poke: () => ctx.jobs.poke() };
  const maxBytes = ctx.config.imports.maxBytes;
  // The upload's bytes as they are; the service finds out what the file is.
  app.addContentTypeParser(
    UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_req, body, done) => {
      done(null, body);
    },
  );

  app.get(
    `${base}/workplaces/template`,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary: 'The list template of the company (.xlsx with drop-downs, or .csv)',
        tags,
        params: companyParams,
        querystring: formatQuery,
        response: { 200: z.any().describe('the file') },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await templateFile(
          deps,
          request.params.companyId,
          requestLanguage(request),
          request.query.format,
        ),
      ),
  );

  app.get(
    `${base}/workplaces/export`,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary: "The company's workplaces in the list format (to import elsewhere)",
        tags,
        params: companyParams,
        querystring: formatQuery,
        response: { 200: z.any().describe('the file') },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exportFile(
          deps,
          request.params.companyId,
          requestLanguage(request),
          request.query.format,
        ),
      ),
  );

  app.post(
    `${base}/workplaces`,
    {
      config: { auth: 'workplaces.manage' },
      // A clear message before the body is read at all.
      onRequest: (request, _reply, done) => {
        done(
          Number(request.headers['content-length'] ?? 0) > maxBytes
            ? fileTooLarge(maxBytes)
            : undefined,
        );
      },
      schema: {
        summary: 'Upload a workplace list (.xlsx or .csv) and check it',
        description:
          'Body: the file as it is (application/octet-stream, the .xlsx type or text/csv). ' +
          'Small files are checked at once (201); larger ones as a job (202, poll the import).',
        tags,
        params: companyParams,
        querystring: uploadQuery,
        response: { 201: importOutput, 202: importOutput },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const lang = requestLanguage(request);
      // An empty body arrives without a content type (and so unparsed): an empty file.
      const body =
        request.body === undefined || request.body === null ? Buffer.alloc(0) : request.body;
      if (!Buffer.isBuffer(body)) {
        throw new AppError('unsupported_media_type', 415, {
          messageKey: 'import.unsupported_type',
        });
      }
      const state = await uploadList(
        deps,
        { companyId: request.params.companyId, userId: p.userId, sessionId: p.sessionId },
        { name: request.query.fileName ?? 'upload', bytes: body },
        lang,
      );
      return reply.status(state.status === 'queued' ? 202 : 201).send(presentImport(state, lang));
    },
  );

  app.get(
    base,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: "The caller's recent list imports of the company (newest first)",
        tags,
        params: companyParams,
        response: { 200: z.object({ items: z.array(importOutput) }) },
      },
    },
    async (request) => {
      const lang = requestLanguage(request);
      const items = await ownImports(deps, request.params.companyId, principal(request).userId);
      return { items: items.map((s) => presentImport(s, lang)) };
    },
  );

  app.get(
    `${base}/:importId`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Status and progress of a list import',
        tags,
        params: importParams,
        response: { 200: importOutput },
      },
    },
    async (request) =>
      presentImport(
        await ownImport(
          deps,
          request.params.companyId,
          principal(request).userId,
          request.params.importId,
        ),
        requestLanguage(request),
      ),
  );

  app.get(
    `${base}/:importId/rows`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'The checked rows: status and every problem with column, cell, rule and hint',
        tags,
        params: importParams,
        querystring: rowsQuery,
        response: { 200: rowsOutput },
      },
    },
    async (request) => {
      const lang = requestLanguage(request);
      const state = await ownImport(
        deps,
        request.params.companyId,
        principal(request).userId,
        request.params.importId,
      );
      const { rows, total } = await importRows(deps, state, request.query);
      return { items: rows.map((r) => presentRow(state, r, lang)), total };
    },
  );

  app.get(
    `${base}/:importId/error-file`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'The uploaded list with an error column and the bad cells highlighted (.xlsx)',
        tags,
        params: importParams,
        response: { 200: z.any().describe('the file') },
      },
    },
    async (request, reply) => {
      const state = await ownImport(
        deps,
        request.params.companyId,
        principal(request).userId,
        request.params.importId,
      );
      if (state.status === 'queued' || state.status === 'validating' || state.format === null) {
        throw new AppError('conflict', 409, { messageKey: 'import.not_ready' });
      }
      return sendFile(reply, await errorWorkbook(deps, state, requestLanguage(request)));
    },
  );

  app.post(
    `${base}/:importId/commit`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Put the checked workplaces into the cart (all or nothing, or only valid rows)',
        tags,
        params: importParams,
        body: commitBody,
        response: { 201: importOutput, 202: importOutput },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const lang = requestLanguage(request);
      const state = await commitImport(
        deps,
        principalActor(p),
        cartOwner(p, request.params.companyId),
        request.params.importId,
        request.body.mode,
      );
      return reply
        .status(state.status === 'importing' ? 202 : 201)
        .send(presentImport(state, lang));
    },
  );

  return Promise.resolve();
};
