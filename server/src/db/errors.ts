interface PgError {
  code?: string;
  constraint?: string;
  cause?: PgError;
}

/**
 * The constraint a unique violation (SQLSTATE 23505) hit, or null for any other error. Drizzle
 * wraps driver errors, so the PostgreSQL error may sit in `cause`.
 */
export function uniqueViolation(err: unknown): string | null {
  const e = err as PgError | null;
  const source = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : null;
  return source ? (source.constraint ?? 'unique') : null;
}
