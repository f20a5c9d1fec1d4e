/** A failure with a stable snake_case code, an HTTP status and a translatable message. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  /** i18n key in the "errors" namespace; defaults to the code. */
  readonly messageKey: string;
  readonly params: Record<string, unknown>;
  readonly details: unknown;

  constructor(
    code: string,
    status: number,
    options: { messageKey?: string; params?: Record<string, unknown>; details?: unknown } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.messageKey = options.messageKey ?? code;
    this.params = options.params ?? {};
    this.details = options.details ?? null;
  }
}

export const notFound = (details?: unknown) => new AppError('not_found', 404, { details });
export const unauthorized = () => new AppError('unauthorized', 401);
export const forbidden = () => new AppError('forbidden', 403);
export const conflict = (messageKey = 'conflict', params?: Record<string, unknown>) =>
  new AppError('conflict', 409, { messageKey, params: params ?? {} });

/** One field-level problem: which field, which rule, a message in the caller's language. */
export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}
