import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../platform/logger.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { billingRoutes } from '../modules/billing/billing.routes.ts';
import { quotaRoutes } from '../modules/quotas/quotas.routes.ts';
import { catalogRoutes } from '../modules/catalog/catalog.routes.ts';
import { companyRoutes } from '../modules/companies/companies.routes.ts';
import { myportalRoutes } from '../modules/myportal/myportal.routes.ts';
import { numberRoutes } from '../modules/numbers/numbers.routes.ts';
import { onboardingRoutes } from '../modules/onboarding/onboarding.routes.ts';
import { operatorRoutes } from '../modules/operator/operator.routes.ts';
import { orgRoutes } from '../modules/org/org.routes.ts';
import { mobileFrameworkRoutes } from '../modules/mobile-framework/mobile-framework.routes.ts';
import { importRoutes } from '../modules/imports/imports.routes.ts';
import { orderRoutes } from '../modules/orders/orders.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
import { draftRoutes } from '../modules/workplaces/drafts.routes.ts';
import { workplaceRoutes } from '../modules/workplaces/workplaces.routes.ts';
import { installAuth } from './auth.plugin.ts';
import type { AppContext } from './context.ts';
import { installErrorHandling } from './error-handler.ts';
import { registerMetricsRoute } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { registerWebApp } from './static.ts';
import { zodValidatorCompiler } from './validation.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export interface RegisteredRoute {
  method: string;
  url: string;
  hidden: boolean;
  hasResponseSchema: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

export interface BuildAppOptions {
  logger: Logger;
  /** Serve the built web app from dist/web (default true). */
  serveWeb?: boolean;
}

/** Builds the HTTP application; listening is left to the caller. */
export async function buildApp(
  ctx: AppContext,
  options: BuildAppOptions,
): Promise<FastifyInstance> {
  const app = Fastify<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: options.logger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') {
        continue;
      }
      app.registeredRoutes.push({
        method,
        url: route.url,
        hidden: Boolean(route.schema?.hide),
        hasResponseSchema: Boolean(route.schema?.response),
      });
    }
  });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    // A body-less request (DELETE) that still names a JSON content type is not "invalid JSON".
    if (request.headers['content-length'] === '0') {
      delete request.headers['content-type'];
    }
    done();
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Only behind https; on plain http it would break every asset request.
        upgradeInsecureRequests: ctx.config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: ctx.config.publicUrl.startsWith('https:'),
  });
  await app.register(cookie);
  // Per-route limits (login, register, codes) on top of the account/address lock.
  await app.register(rateLimit, { global: false });
  installAuth(app, ctx);
  await registerOpenApi(app, ctx.version);

  const spaFallback = options.serveWeb === false ? null : await registerWebApp(app);
  installErrorHandling(app, spaFallback ? { spaFallback } : {});

  registerMetricsRoute(app, ctx.metrics, ctx.config.metricsToken);
  await app.register(systemRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(onboardingRoutes, { ctx });
  await app.register(companyRoutes, { ctx });
  await app.register(operatorRoutes, { ctx });
  await app.register(numberRoutes, { ctx });
  await app.register(catalogRoutes, { ctx });
  await app.register(orgRoutes, { ctx });
  await app.register(mobileFrameworkRoutes, { ctx });
  await app.register(draftRoutes, { ctx });
  await app.register(workplaceRoutes, { ctx });
  await app.register(orderRoutes, { ctx });
  await app.register(myportalRoutes, { ctx });
  await app.register(billingRoutes, { ctx });
  await app.register(quotaRoutes, { ctx });
  await app.register(importRoutes, { ctx });

  return app;
}
