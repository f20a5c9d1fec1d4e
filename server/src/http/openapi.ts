import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PREFIX = '/api/docs';

/** OpenAPI 3 generated from the route schemas, and an interactive reference at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Zentrale API',
        description:
          'Self-service portal for business telephony. Errors always come as ' +
          '`{"error":{"code","message","details"}}`; messages are German unless ' +
          '`Accept-Language` prefers English.',
        version,
      },
      tags: [{ name: 'system', description: 'Health, metrics and installation facts' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zentrale_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    hideUntagged: false,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP: true,
    transformSpecificationClone: true,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
}
