import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;

// Probe routes exercise the shared error handling the way module routes will use it.
function probeRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/probe',
    {
      config: { auth: 'public' },
      schema: {
        hide: true,
        body: z.object({
          username: z.string().min(5),
          password: z.string(),
          quota: z.number().int().max(100),
          kind: z.enum(['a', 'b']),
        }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    (request) => {
      request.log.info({ body: request.body }, 'probe body');
      return { ok: true };
    },
  );
  typed.get(
    '/api/v1/probe/conflict',
    { config: { auth: 'public' }, schema: { hide: true } },
    () => {
      throw new AppError('conflict', 409);
    },
  );
  typed.get('/api/v1/probe/crash', { config: { auth: 'public' }, schema: { hide: true } }, () => {
    throw new Error('database password is hunter2');
  });
}

beforeAll(async () => {
  t = await createTestApp({ beforeReady: probeRoutes });
});
afterAll(() => t.close());

describe('GET /healthz', () => {
  it('answers 200 {"status":"ok"} while the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('error envelope', () => {
  it('unknown API routes answer 404 in German by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/does-not-exist?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'route_not_found',
        message: 'Diesen Endpunkt gibt es nicht: GET /api/v1/does-not-exist',
        details: null,
      },
    });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/does-not-exist',
      headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
    });
    expect(res.json().error.message).toBe('There is no such endpoint: GET /api/v1/does-not-exist');
  });

  it('a validation error names every field and its rule, without echoing input', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      payload: { username: 'abc', password: 'Geheim-123', quota: 500, kind: 'c' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBe('Bitte prüfen Sie Ihre Eingaben: 3 Feld(er) sind ungültig.');
    expect(body.error.details).toEqual([
      {
        field: 'username',
        rule: 'too_small:string',
        message: 'Mindestens 5 Zeichen.',
        location: 'body',
      },
      {
        field: 'quota',
        rule: 'too_big:number',
        message: 'Der Wert darf höchstens 100 sein.',
        location: 'body',
      },
      {
        field: 'kind',
        rule: 'invalid_value',
        message: 'Ungültiger Wert; erlaubt: a, b.',
        location: 'body',
      },
    ]);
    expect(res.body).not.toContain('Geheim-123');
  });

  it('a missing field is reported as required, in English on request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'accept-language': 'en' },
      payload: { username: 'abcdef', quota: 1, kind: 'a' },
    });
    expect(res.json().error.details).toEqual([
      { field: 'password', rule: 'required', message: 'This field is required.', location: 'body' },
    ]);
  });

  it.each([
    ['broken JSON', '{"username":', 'application/json', 400, 'invalid_json'],
    ['an unsupported content type', 'a=b', 'text/csv', 415, 'unsupported_media_type'],
  ])('%s gets a clear 4xx envelope', async (_name, payload, contentType, status, code) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(5);
  });

  it('an AppError keeps its code and status', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/probe/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: 'conflict',
      message: 'Die Änderung steht im Konflikt mit dem aktuellen Stand.',
      details: null,
    });
  });

  it('an unexpected error is masked as internal_error with the request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/probe/crash',
      headers: { 'x-request-id': 'req-test-12345' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe('req-test-12345');
    expect(res.json().error).toEqual({
      code: 'internal_error',
      message: 'Ein interner Fehler ist aufgetreten. Referenz: req-test-12345',
      details: null,
    });
    expect(res.body).not.toContain('hunter2');
  });
});

describe('logging', () => {
  it('tags lines with the request id and redacts secrets', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: {
        authorization: 'Bearer tok_supersecret_1',
        cookie: 'zentrale_session=sess_supersecret_2',
        'x-request-id': 'req-redaction-1',
      },
      payload: { username: 'abcdef', password: 'Pw_supersecret_3', quota: 1, kind: 'a' },
    });
    const lines = t.logs.lines.filter((l) => l.includes('req-redaction-1'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(t.logs.text).not.toMatch(/supersecret/);
    expect(t.logs.text).toContain('[redacted]');
  });
});

describe('security headers and metrics', () => {
  it('sets CSP, nosniff, frame and referrer headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('exposes Prometheus metrics including the HTTP counters', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /zentrale_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(res.body).toContain('zentrale_process_cpu_seconds_total');
  });
});

describe('GET /api/v1/meta', () => {
  it('falls back to the product name Zentrale without a provider', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ productName: 'Zentrale', helpBaseUrl: '/hilfe' });
  });
});

describe('health when the database is gone', () => {
  it('answers 503 once the database stops answering', async () => {
    const own = await createTestApp();
    await own.testDb.database.close();
    const res = await own.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', reason: 'database' });
    await own.app.close();
    await own.testDb.close();
  });
});
