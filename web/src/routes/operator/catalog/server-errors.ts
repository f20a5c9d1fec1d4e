import { ApiError } from '../../../api/client.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The server's messages per field path. A detail without its own message (e.g. a 409 that names
 * the field) gets the error's message, so it still appears next to its field.
 */
export function fieldMessages(error: unknown): Record<string, string> {
  const messages: Record<string, string> = {};
  if (error instanceof ApiError && Array.isArray(error.details)) {
    for (const detail of error.details as unknown[]) {
      if (isRecord(detail) && typeof detail.field === 'string') {
        const message = typeof detail.message === 'string' ? detail.message : error.message;
        messages[detail.field] ??= message;
      }
    }
  }
  return messages;
}

/** The entries whose field path starts with `prefix` ("requires" → "requires.0.product"). */
export function entriesUnder(
  messages: Record<string, string>,
  prefix: string,
): { field: string; message: string }[] {
  return Object.entries(messages)
    .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
    .map(([field, message]) => ({ field, message }));
}
