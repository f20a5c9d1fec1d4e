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
  body?: unknown;
  signal?: AbortSignal;
}

function requestHeaders(hasBody: boolean): Headers {
  const headers = new Headers({
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  });
  if (hasBody) {
    headers.set('Content-Type', 'application/json');
  }
  // CSRF: the session issue adds the anti-CSRF token header for unsafe methods here.
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

/** Calls the JSON API; resolves with the parsed body of a 2xx answer, rejects with ApiError. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const hasBody = request.body !== undefined;
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? (hasBody ? 'POST' : 'GET'),
      headers: requestHeaders(hasBody),
      body: hasBody ? JSON.stringify(request.body) : null,
      credentials: 'same-origin',
      signal: request.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'network_error', i18next.t('errors.network'));
  }
  const payload = await readJson(response);
  if (!response.ok) {
    throw toApiError(response.status, payload);
  }
  return payload as T;
}
