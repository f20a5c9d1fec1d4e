import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../http/auth.plugin.ts';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';

/** A logged-in browser, as far as the API can tell: the session cookie and the CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export function sessionOf(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) {
    throw new Error(`no session cookie in answer ${res.statusCode}: ${res.body}`);
  }
  const body = res.json<{ user: { id: string }; csrfToken: string }>();
  return { cookie: cookie.value, csrf: body.csrfToken, userId: body.user.id };
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) {
    throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  }
  return sessionOf(res);
}

/** An API call as the given session (cookie + CSRF header) or anonymously. */
export function call(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  options: {
    session?: Session | null;
    body?: unknown;
    headers?: Record<string, string>;
    csrf?: boolean;
  } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) {
    headers.cookie = `${SESSION_COOKIE}=${options.session.cookie}`;
    if (options.csrf !== false) {
      headers['x-csrf-token'] = options.session.csrf;
    }
  }
  return app.inject({
    method,
    url,
    headers,
    ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
  });
}

export const newCompanyBody = (suffix: string) => ({
  name: `Müller & Söhne GmbH ${suffix}`,
  customerNumber: `K-${suffix}`,
  contactEmail: null,
  contract: {
    status: 'active',
    startDate: '2026-01-01',
    street: 'Hauptstraße 5',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    products: ['cloud_pbx'],
    workplaceQuota: 10,
    parallelCalls: 4,
    partnerLicences: {},
  },
});
