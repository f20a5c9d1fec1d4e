import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { principal } from '../../http/request.ts';
import { notFound } from '../../platform/errors.ts';
import { loadDocument } from '../../platform/notifications/documents.ts';
import { listDocuments } from '../../platform/notifications/outbox.repository.ts';
import { inviteAdmin } from '../onboarding/onboarding.service.ts';
import {
  adminOutput,
  auditEntry,
  auditQuery,
  companyOutput,
  companyParams,
  companySummary,
  createCompanyBody,
  letterOutput,
  listCompaniesQuery,
  paged,
  updateCompanyBody,
  updateContractBody,
} from './companies.schema.ts';
import {
  auditTrail,
  createCompany,
  editCompany,
  editContract,
  getCompany,
  reissueWelcomeLetter,
  removeAdmin,
  searchCompanies,
} from './companies.service.ts';

const tags = ['companies'];
const letter = (l: { documentId: string; filename: string; expiresAt: Date }) => ({
  ...l,
  expiresAt: l.expiresAt.toISOString(),
});

export const companyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  app.get(
    '/api/v1/companies',
    {
      config: { auth: 'company.list' },
      schema: {
        summary: 'Companies (operators: all; admins: their own), with search and paging',
        tags,
        querystring: listCompaniesQuery,
        response: { 200: paged(companySummary) },
      },
    },
    (request) => searchCompanies(ctx, principal(request), request.query),
  );

  app.post(
    '/api/v1/companies',
    {
      config: { auth: 'company.create' },
      schema: {
        summary: 'Create a company with its contract; issues the welcome letter',
        tags,
        body: createCompanyBody,
        response: { 201: z.object({ company: companyOutput, letter: letterOutput }) },
      },
    },
    async (request, reply) => {
      const created = await createCompany(ctx, principal(request), request.body, request.id);
      return reply.status(201).send({ company: created.company, letter: letter(created.letter) });
    },
  );

  app.get(
    '/api/v1/companies/:companyId',
    {
      config: { auth: 'company.read' },
      schema: {
        summary: 'A company with contract and admins',
        tags,
        params: companyParams,
        response: { 200: companyOutput },
      },
    },
    (request) => getCompany(ctx, request.params.companyId),
  );

  app.patch(
    '/api/v1/companies/:companyId',
    {
      config: { auth: 'company.update' },
      schema: {
        summary: 'Change name or contact e-mail',
        tags,
        params: companyParams,
        body: updateCompanyBody,
        response: { 200: companyOutput },
      },
    },
    (request) =>
      editCompany(ctx, principal(request), request.params.companyId, request.body, request.id),
  );

  app.patch(
    '/api/v1/companies/:companyId/contract',
    {
      config: { auth: 'contract.update' },
      schema: {
        summary: 'Change the contract: quotas, parallel calls, licences, products, status, address',
        tags,
        params: companyParams,
        body: updateContractBody,
        response: { 200: companyOutput },
      },
    },
    (request) =>
      editContract(ctx, principal(request), request.params.companyId, request.body, request.id),
  );

  app.post(
    '/api/v1/companies/:companyId/welcome-letters',
    {
      config: { auth: 'letter.issue' },
      schema: {
        summary: 'Issue a new welcome letter; the previous code stops working',
        tags,
        params: companyParams,
        response: { 201: letterOutput },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          letter(
            await reissueWelcomeLetter(
              ctx,
              principal(request),
              request.params.companyId,
              request.id,
            ),
          ),
        ),
  );

  app.get(
    '/api/v1/companies/:companyId/welcome-letters',
    {
      config: { auth: 'document.read' },
      schema: {
        summary:
          'Welcome letters issued for the company, newest first (only the newest code is valid)',
        tags,
        params: companyParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                documentId: z.string(),
                filename: z.string(),
                createdAt: z.string(),
                current: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await listDocuments(ctx.database.db, request.params.companyId, 'welcome_letter');
      return {
        items: rows.map((r, i) => ({
          documentId: r.id,
          filename: r.filename,
          createdAt: r.createdAt.toISOString(),
          current: i === 0,
        })),
      };
    },
  );

  app.get(
    '/api/v1/companies/:companyId/documents/:documentId',
    {
      config: { auth: 'document.read' },
      schema: {
        summary: 'Download a document (welcome letter PDF)',
        tags,
        params: companyParams.extend({ documentId: z.uuid() }),
        response: { 200: z.any().describe('the file') },
      },
    },
    async (request, reply) => {
      const doc = await loadDocument(ctx.database.db, ctx.config.secret, {
        companyId: request.params.companyId,
        documentId: request.params.documentId,
      });
      if (!doc) {
        throw notFound();
      }
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', `attachment; filename="${doc.filename}"`)
        .header('cache-control', 'no-store')
        .send(doc.content);
    },
  );

  app.get(
    '/api/v1/companies/:companyId/audit-log',
    {
      config: { auth: 'audit.read' },
      schema: {
        summary: "The company's audit log, newest first, with filters",
        tags,
        params: companyParams,
        querystring: auditQuery,
        response: { 200: paged(auditEntry) },
      },
    },
    (request) => auditTrail(ctx, request.params.companyId, request.query),
  );

  app.get(
    '/api/v1/companies/:companyId/admins',
    {
      config: { auth: 'admins.read' },
      schema: {
        summary: "The company's administrators",
        tags,
        params: companyParams,
        response: { 200: z.object({ items: z.array(adminOutput) }) },
      },
    },
    async (request) => ({ items: (await getCompany(ctx, request.params.companyId)).admins }),
  );

  app.post(
    '/api/v1/companies/:companyId/admin-invitations',
    {
      config: { auth: 'admins.manage' },
      schema: {
        summary: 'Invite a further administrator by e-mail',
        tags,
        params: companyParams,
        body: z.object({ email: z.email().max(254) }),
        response: { 201: z.object({ email: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const invite = await inviteAdmin(
        ctx,
        principal(request),
        request.params.companyId,
        request.body.email,
        request.id,
      );
      return reply
        .status(201)
        .send({ email: invite.email, expiresAt: invite.expiresAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/companies/:companyId/admins/:userId',
    {
      config: { auth: 'admins.manage' },
      schema: {
        summary: 'Remove an administrator from the company',
        tags,
        params: companyParams.extend({ userId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeAdmin(
        ctx,
        principal(request),
        request.params.companyId,
        request.params.userId,
        request.id,
      );
      return reply.status(204).send(null);
    },
  );
  return Promise.resolve();
};
