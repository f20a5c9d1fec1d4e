import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { pickLanguage, type Language } from '../../../common/src/i18n/index.ts';
import { AppError } from '../platform/errors.ts';
import { hasTranslation, translate } from '../platform/i18n.ts';
import { localizeIssues, RequestValidationError } from './validation.ts';

export interface ErrorEnvelope {
  error: { code: string; message: string; details: unknown };
}

export function requestLanguage(request: FastifyRequest): Language {
  return pickLanguage(request.headers['accept-language']);
}

function envelope(code: string, message: string, details: unknown = null): ErrorEnvelope {
  return { error: { code, message, details } };
}

// Fastify's own client errors, mapped to stable codes.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

/** The one error handler: every failure leaves as {error:{code,message,details}}. */
export function installErrorHandling(
  app: FastifyInstance,
  options: { spaFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown } = {},
): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = requestLanguage(request);
    if (err instanceof RequestValidationError) {
      const details = localizeIssues(err.issues, lang).map((d) => ({
        ...d,
        location: err.validationContext,
      }));
      return reply
        .status(400)
        .send(
          envelope(
            'validation_failed',
            translate(lang, 'validation_failed', { count: details.length }),
            details,
          ),
        );
    }
    if (err instanceof AppError) {
      if (err.status >= 500) {
        request.log.error({ err }, 'application error');
      }
      return reply
        .status(err.status)
        .send(
          envelope(
            err.code,
            translate(lang, err.messageKey, err.params),
            withMessages(err.details, lang, err.params),
          ),
        );
    }
    if (err.statusCode === 429) {
      const seconds = Math.ceil(Number(reply.getHeader('retry-after') ?? 60));
      return reply
        .status(429)
        .send(envelope('too_many_requests', translate(lang, 'too_many_requests', { seconds })));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(err)) {
      const code = FASTIFY_CODES[err.code] ?? (status === 404 ? 'not_found' : 'bad_request');
      return reply.status(status).send(envelope(code, translate(lang, code)));
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(
        envelope('internal_error', translate(lang, 'internal_error', { requestId: request.id })),
      );
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback && isPageRequest(request)) {
      return options.spaFallback(request, reply);
    }
    const lang = requestLanguage(request);
    const url = request.url.split('?')[0] ?? request.url;
    return reply
      .status(404)
      .send(
        envelope(
          'route_not_found',
          translate(lang, 'route_not_found', { method: request.method, url }),
        ),
      );
  });
}

/** A browser navigation to a page of the web app (not the API, not a file). */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return false;
  }
  const path = request.url.split('?')[0] ?? '';
  return !/^\/(api|healthz|metrics)(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path);
}

/** Field details that name a rule get that rule's message in the caller's language. */
function withMessages(details: unknown, lang: Language, params: Record<string, unknown>): unknown {
  if (!Array.isArray(details)) {
    return details;
  }
  return details.map((d: unknown) => {
    if (d && typeof d === 'object' && 'rule' in d && !('message' in d)) {
      const rule = String(d.rule);
      const key = hasTranslation(rule) ? rule : `field.${rule}`;
      return hasTranslation(key) ? { ...d, message: translate(lang, key, params) } : d;
    }
    return d;
  });
}
