import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { DOCS_PREFIX, OPENAPI_PATH } from './openapi.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

/** Fastify's `/a/:id` in OpenAPI's `/a/{id}` notation. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe(`GET ${OPENAPI_PATH}`, () => {
  it('is a valid OpenAPI 3 document', async () => {
    const res = await t.app.inject({ method: 'GET', url: OPENAPI_PATH });
    expect(res.statusCode).toBe(200);
    const doc = res.json<OpenApiDoc>();
    expect(doc.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(
      doc as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every registered API route with its responses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: OPENAPI_PATH })).json<OpenApiDoc>();
    const expected = t.app.registeredRoutes.filter(
      (r) => !r.hidden && !r.url.startsWith(DOCS_PREFIX) && r.url !== OPENAPI_PATH,
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    for (const route of expected) {
      const operation = doc.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url} missing in OpenAPI`).toBeDefined();
      expect(Object.keys(operation?.responses ?? {}).length).toBeGreaterThan(0);
    }
    // And nothing is documented that does not exist.
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const registered = new Set(expected.map((r) => `${r.method} ${toOpenApiPath(r.url)}`));
    expect(documented.filter((d) => !registered.has(d))).toEqual([]);
  });

  it('every /api/v1 route declares a response schema', () => {
    const apiRoutes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1/'));
    for (const route of apiRoutes) {
      expect(route.hasResponseSchema, `${route.method} ${route.url}`).toBe(true);
    }
  });

  it('serves the interactive reference at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${DOCS_PREFIX}/` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger');
  });
});
