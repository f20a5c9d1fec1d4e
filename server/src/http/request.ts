import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../modules/auth/principal.ts';
import { unauthorized } from '../platform/errors.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import type { AppContext } from './context.ts';

/** The caller of a route that requires login (the auth hook has already checked it). */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) {
    throw unauthorized();
  }
  return request.principal;
}

export function clientOf(request: FastifyRequest) {
  const agent = request.headers['user-agent'];
  return { ip: request.ip || null, userAgent: typeof agent === 'string' ? agent : null };
}

export function setSessionCookie(
  ctx: AppContext,
  reply: FastifyReply,
  token: string,
): FastifyReply {
  return reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: ctx.config.sessions.maxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): FastifyReply {
  return reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
