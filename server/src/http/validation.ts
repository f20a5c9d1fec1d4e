import type { FastifySchemaCompiler } from 'fastify';
import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core';
import type { Language } from '../../../common/src/i18n/index.ts';
import type { FieldIssue } from '../platform/errors.ts';
import { hasTranslation, translate } from '../platform/i18n.ts';

/** A request that failed its zod schema; the error handler turns it into `validation_failed`. */
export class RequestValidationError extends Error {
  readonly issues: $ZodIssue[];
  statusCode = 400;
  validationContext = 'body';
  constructor(issues: $ZodIssue[]) {
    super('request validation failed');
    this.name = 'RequestValidationError';
    this.issues = issues;
  }
}

/** Like the zod type provider's compiler, but keeps the raw issues so messages can be localized. */
export const zodValidatorCompiler: FastifySchemaCompiler<$ZodType> = ({ schema }) => {
  return (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (result.success) {
      return { value: result.data };
    }
    return { error: new RequestValidationError(result.error.issues) };
  };
};

/** Turns zod issues into field issues in the caller's language; input values are never echoed. */
export function localizeIssues(issues: readonly $ZodIssue[], lang: Language): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    rule: ruleOf(issue),
    message: messageOf(issue, lang),
  }));
}

function ruleOf(issue: $ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return 'required';
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return `${issue.code}:${issue.origin}`;
  }
  if (issue.code === 'invalid_format') {
    return `invalid_format:${issue.format}`;
  }
  if (issue.code === 'custom' && hasTranslation(issue.message)) {
    return issue.message.replace(/^.*\./, '');
  }
  return issue.code;
}

function messageOf(issue: $ZodIssue, lang: Language): string {
  // Schemas in common/ use i18n keys as their custom messages.
  if (hasTranslation(issue.message)) {
    return translate(lang, issue.message, issue as unknown as Record<string, unknown>);
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? translate(lang, 'field.required')
        : translate(lang, 'field.invalid_type', { expected: issue.expected });
    case 'too_small':
      return translate(lang, `field.too_small_${sizeKind(issue.origin)}`, {
        minimum: String(issue.minimum),
      });
    case 'too_big':
      return translate(lang, `field.too_big_${sizeKind(issue.origin)}`, {
        maximum: String(issue.maximum),
      });
    case 'invalid_format':
      return translate(lang, 'field.invalid_format', { format: issue.format });
    case 'invalid_value':
      return translate(lang, 'field.invalid_value', {
        values: issue.values.map((v) => String(v)).join(', '),
      });
    case 'unrecognized_keys':
      return translate(lang, 'field.unrecognized_keys', { keys: issue.keys.join(', ') });
    case 'not_multiple_of':
      return translate(lang, 'field.not_multiple_of', { divisor: String(issue.divisor) });
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return translate(lang, 'field.invalid');
  }
}

function sizeKind(origin: string): 'string' | 'number' | 'array' {
  if (origin === 'string') {
    return 'string';
  }
  if (origin === 'array' || origin === 'set') {
    return 'array';
  }
  return 'number';
}
