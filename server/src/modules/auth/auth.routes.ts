import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { clearSessionCookie, clientOf, principal, setSessionCookie } from '../../http/request.ts';
import type { Principal } from './principal.ts';
import {
  createTokenBody,
  loginBody,
  registerBody,
  sessionAnswer,
  sessionItem,
  tokenItem,
} from './auth.schema.ts';
import { login, logout, register } from './auth.service.ts';
import {
  createApiToken,
  endSession,
  listSessions,
  listTokens,
  revokeToken,
} from './tokens.service.ts';

const tags = ['auth'];

export function presentSession(p: Principal) {
  return {
    user: {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      email: p.email,
      role: p.role,
      companies: p.companies,
      language: p.language,
    },
    csrfToken: p.csrfToken ?? '',
  };
}

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        summary: 'Log in; sets the HttpOnly session cookie',
        tags,
        body: loginBody,
        response: { 200: sessionAnswer },
      },
    },
    async (request, reply) => {
      const session = await login(ctx, { ...request.body, ...clientOf(request) });
      setSessionCookie(ctx, reply, session.token);
      return presentSession(session.principal);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { auth: 'self' },
      schema: { summary: 'End the current session', tags, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logout(ctx, principal(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { auth: 'self' },
      schema: {
        summary: 'The logged-in user and the CSRF token',
        tags,
        response: { 200: sessionAnswer },
      },
    },
    (request) => presentSession(principal(request)),
  );

  app.post(
    '/api/v1/auth/register',
    {
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Register a service-portal account (then unlock a company with its code)',
        tags,
        body: registerBody,
        response: { 201: sessionAnswer },
      },
    },
    async (request, reply) => {
      const session = await register(ctx, {
        ...request.body,
        displayName: request.body.displayName ?? '',
        ...clientOf(request),
      });
      setSessionCookie(ctx, reply, session.token);
      return reply.status(201).send(presentSession(session.principal));
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      config: { auth: 'self' },
      schema: {
        summary: 'Personal API tokens',
        tags,
        response: { 200: z.object({ items: z.array(tokenItem) }) },
      },
    },
    (request) => listTokens(ctx, principal(request)),
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      config: { auth: 'self' },
      schema: {
        summary: 'Create a personal API token (the secret is shown only in this answer)',
        tags,
        body: createTokenBody,
        response: { 201: z.object({ token: tokenItem, secret: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(ctx, principal(request), request.body)),
  );

  app.delete(
    '/api/v1/auth/tokens/:tokenId',
    {
      config: { auth: 'self' },
      schema: {
        summary: 'Revoke a personal API token',
        tags,
        params: z.object({ tokenId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeToken(ctx, principal(request), request.params.tokenId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      config: { auth: 'self' },
      schema: {
        summary: 'Open sessions of the logged-in user',
        tags,
        response: { 200: z.object({ items: z.array(sessionItem) }) },
      },
    },
    (request) => listSessions(ctx, principal(request)),
  );

  app.delete(
    '/api/v1/auth/sessions/:sessionId',
    {
      config: { auth: 'self' },
      schema: {
        summary: 'End one of the own sessions',
        tags,
        params: z.object({ sessionId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await endSession(ctx, principal(request), request.params.sessionId);
      return reply.status(204).send(null);
    },
  );
  return Promise.resolve();
};
