import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateSession, authenticateToken } from '../modules/auth/auth.service.ts';
import { canAccessCompany, type Principal } from '../modules/auth/principal.ts';
import { companyExists } from '../modules/companies/companies.repository.ts';
import { AppError, forbidden, notFound, unauthorized } from '../platform/errors.ts';
import { safeEqual } from '../platform/crypto.ts';
import type { AppContext } from './context.ts';
import { isAllowed, type Access } from './permissions.ts';

export const SESSION_COOKIE = 'zentrale_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    auth?: Access;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The authenticated caller, from the session cookie or a Bearer API token. */
async function resolvePrincipal(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return authenticateToken(ctx, header.slice(7).trim());
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(ctx, cookie) : null;
}

/**
 * Authentication, CSRF, tenancy and the rule table, before any body is validated: a request
 * for another company's resource answers 404 whatever it carries.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && !route.config?.auth) {
      throw new Error(`route ${route.url} declares no config.auth`);
    }
  });
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.auth;
    if (!access) {
      return;
    }
    request.principal = await resolvePrincipal(ctx, request);
    if (access === 'public') {
      return;
    }
    const principal = request.principal;
    if (!principal) {
      throw unauthorized();
    }
    if (principal.via === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (
        typeof sent !== 'string' ||
        !principal.csrfToken ||
        !safeEqual(sent, principal.csrfToken)
      ) {
        throw new AppError('csrf_failed', 403);
      }
    }
    const companyId = (request.params as Record<string, string | undefined>).companyId;
    if (companyId !== undefined) {
      const visible =
        UUID.test(companyId) &&
        canAccessCompany(principal, companyId) &&
        (await companyExists(ctx.database.db, companyId));
      if (!visible) {
        throw notFound();
      }
    }
    if (!isAllowed(access, principal.role)) {
      throw forbidden();
    }
  });
}
