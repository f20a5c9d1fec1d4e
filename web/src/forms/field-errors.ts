import { ApiError } from '../api/client.ts';

/** Field messages of a validation error, keyed by the field path ("contract.city"). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const messages: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const { field, message } of error.fieldErrors) {
      messages[field] ??= message;
    }
  }
  return messages;
}

/** The message of an error that is not about one field (shown above the form), if any. */
export function formLevelError(error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) {
    return null;
  }
  const known = error.fieldErrors.filter((entry) => fields.includes(entry.field));
  return known.length > 0 && known.length === error.fieldErrors.length ? null : error.message;
}
