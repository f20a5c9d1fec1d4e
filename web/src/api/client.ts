import i18next from 'i18next';
import { currentLanguage } from '../i18n.ts';

/** One entry of `details` when the server names the offending field. */
export interface FieldError {
  field: string;
  message: string;
}

/** Any non-2xx answer (or a failed request), normalised from the error envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The field errors in `details`, or an empty list when it holds something else. */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? this.details.filter(isFieldError) : [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, e.g. the text of an uploaded CSV file (instead of `body`). */
  rawBody?: { text: string; contentType: string };
  signal?: AbortSignal;
}

// The anti-CSRF token of the current session; it arrives with login, register and /auth/me and
// lives only in memory (never in storage, so another origin's script cannot read it).
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SESSION_PATH = '/api/v1/auth/me';

function isUnsafe(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** Appends the defined, non-empty parameters as a query string. */
export function withQuery(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

function requestHeaders(contentType: string | null, method: string): Headers {
  const headers = new Headers({
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  });
  if (contentType !== null) {
    headers.set('Content-Type', contentType);
  }
  if (isUnsafe(method) && csrfToken !== null) {
    headers.set('x-csrf-token', csrfToken);
  }
  return headers;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = isRecord(payload) ? payload.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details ?? null);
  }
  return new ApiError(status, 'unexpected_response', i18next.t('errors.unexpected', { status }));
}

async function send(path: string, request: ApiRequest): Promise<Response> {
  const raw = request.rawBody;
  const hasJson = request.body !== undefined;
  const method = request.method ?? (hasJson || raw !== undefined ? 'POST' : 'GET');
  const contentType = raw?.contentType ?? (hasJson ? 'application/json' : null);
  const body = raw !== undefined ? raw.text : hasJson ? JSON.stringify(request.body) : null;
  try {
    return await fetch(path, {
      method,
      headers: requestHeaders(contentType, method),
      body,
      credentials: 'same-origin',
      signal: request.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'network_error', i18next.t('errors.network'));
  }
}

/** Fetches a fresh token from the session endpoint; false when there is no session. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send(SESSION_PATH, {});
  const payload = await readJson(response);
  if (response.ok && isRecord(payload) && typeof payload.csrfToken === 'string') {
    csrfToken = payload.csrfToken;
    return true;
  }
  return false;
}

/** Calls the JSON API; resolves with the parsed body of a 2xx answer, rejects with ApiError. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  let response = await send(path, request);
  let payload = await readJson(response);
  // A missing or stale token (e.g. after a reload): fetch the current one once and retry.
  if (
    response.status === 403 &&
    errorCode(payload) === 'csrf_failed' &&
    (await refreshCsrfToken())
  ) {
    response = await send(path, request);
    payload = await readJson(response);
  }
  if (!response.ok) {
    throw toApiError(response.status, payload);
  }
  if (path === SESSION_PATH && isRecord(payload) && typeof payload.csrfToken === 'string') {
    csrfToken = payload.csrfToken;
  }
  return payload as T;
}

function errorCode(payload: unknown): string | undefined {
  const error = isRecord(payload) ? payload.error : undefined;
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}
