// Mail and SMS templates: the texts live in common/src/i18n/{de,en}/mail.json, this file declares
// which parameters each template needs and which of them are secret (masked in the stored copy).
import type { Language } from '../../../../common/src/i18n/index.ts';
import { translateIn } from '../i18n.ts';

interface TemplateSpec {
  readonly params: readonly string[];
  /** Params that never outlive delivery: the outbox keeps a copy with these masked. */
  readonly secret: readonly string[];
}

export const MAIL_TEMPLATES = {
  welcome_letter: {
    params: ['companyName', 'providerName', 'productName', 'portalUrl'],
    // The one-time code is only in the attached letter, never in the mail text.
    secret: [],
  },
  admin_activation_code: {
    params: ['username', 'companyName', 'code', 'expiresAt', 'portalUrl'],
    secret: ['code'],
  },
  admin_invitation: {
    params: ['companyName', 'invitedBy', 'code', 'expiresAt', 'registerUrl'],
    secret: ['code'],
  },
  workplace_activation: {
    params: ['displayName', 'username', 'firstLoginUrl'],
    secret: [],
  },
  temporary_password: {
    params: ['username', 'password', 'expiresAt'],
    secret: ['password'],
  },
  order_confirmation: {
    params: ['displayName', 'orderNumber', 'companyName', 'items', 'oneOffTotal', 'monthlyTotal'],
    secret: [],
  },
} as const satisfies Record<string, TemplateSpec>;

export const SMS_TEMPLATES = {
  temporary_password: {
    params: ['username', 'password', 'expiresAt'],
    secret: ['password'],
  },
} as const satisfies Record<string, TemplateSpec>;

export type MailTemplate = keyof typeof MAIL_TEMPLATES;
export type SmsTemplate = keyof typeof SMS_TEMPLATES;

/** What replaces a secret parameter in the stored copy of a message. */
export const REDACTED = '••••••';

export interface RenderedMail {
  subject: string;
  body: string;
  redactedBody: string;
}

export interface RenderedSms {
  body: string;
  redactedBody: string;
}

export function isMailTemplate(name: string): name is MailTemplate {
  return Object.hasOwn(MAIL_TEMPLATES, name);
}

export function isSmsTemplate(name: string): name is SmsTemplate {
  return Object.hasOwn(SMS_TEMPLATES, name);
}

/** Renders subject and body of a mail template; throws when a required param is missing. */
export function renderMail(
  template: MailTemplate,
  params: Record<string, string>,
  language: Language,
): RenderedMail {
  if (!isMailTemplate(template)) {
    throw new Error(`unknown mail template "${String(template)}"`);
  }
  const { plain, masked } = prepareParams('mail', template, MAIL_TEMPLATES[template], params);
  const key = `email.${template}`;
  return {
    // The subject is stored as is and outlives delivery, so it is always rendered masked.
    subject: translateIn('mail', language, `${key}.subject`, masked),
    body: translateIn('mail', language, `${key}.body`, plain),
    redactedBody: translateIn('mail', language, `${key}.body`, masked),
  };
}

/** Renders the text of an SMS template; throws when a required param is missing. */
export function renderSms(
  template: SmsTemplate,
  params: Record<string, string>,
  language: Language,
): RenderedSms {
  if (!isSmsTemplate(template)) {
    throw new Error(`unknown SMS template "${String(template)}"`);
  }
  const { plain, masked } = prepareParams('SMS', template, SMS_TEMPLATES[template], params);
  const key = `sms.${template}.body`;
  return {
    body: translateIn('mail', language, key, plain),
    redactedBody: translateIn('mail', language, key, masked),
  };
}

function prepareParams(
  kind: string,
  template: string,
  spec: TemplateSpec,
  params: Record<string, string>,
): { plain: Record<string, string>; masked: Record<string, string> } {
  const missing = spec.params.filter((name) => typeof params[name] !== 'string');
  if (missing.length > 0) {
    throw new Error(
      `${kind} template "${template}" needs the parameter(s) ${missing.join(', ')} ` +
        `(required: ${spec.params.join(', ')})`,
    );
  }
  // Only declared params reach the text, so a stray value can never leak into a template.
  const plain: Record<string, string> = {};
  const masked: Record<string, string> = {};
  for (const name of spec.params) {
    const value = params[name] as string;
    plain[name] = value;
    masked[name] = spec.secret.includes(name) ? REDACTED : value;
  }
  return { plain, masked };
}
