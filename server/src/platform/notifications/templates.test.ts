import { describe, expect, it } from 'vitest';
import deMail from '../../../../common/src/i18n/de/mail.json' with { type: 'json' };
import enMail from '../../../../common/src/i18n/en/mail.json' with { type: 'json' };
import { LANGUAGES } from '../../../../common/src/i18n/index.ts';
import { hasTranslation, translate } from '../i18n.ts';
import { outboxStatusLabel } from './notifications.service.ts';
import {
  MAIL_TEMPLATES,
  REDACTED,
  renderMail,
  renderSms,
  SMS_TEMPLATES,
  type MailTemplate,
} from './templates.ts';

const catalogues = { de: deMail, en: enMail } as const;
const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!));

function paramsFor(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, `<${n}>`]));
}

describe('mail catalogue', () => {
  it.each(LANGUAGES)('has subject and body of every mail template in %s', (lang) => {
    for (const name of Object.keys(MAIL_TEMPLATES)) {
      expect(hasTranslation(`mail:email.${name}.subject`, lang), `${lang} ${name}`).toBe(true);
      expect(hasTranslation(`mail:email.${name}.body`, lang), `${lang} ${name}`).toBe(true);
    }
    for (const name of Object.keys(SMS_TEMPLATES)) {
      expect(hasTranslation(`mail:sms.${name}.body`, lang), `${lang} sms ${name}`).toBe(true);
    }
  });

  it.each(LANGUAGES)('uses exactly the declared params in %s', (lang) => {
    const texts = catalogues[lang];
    for (const [name, spec] of Object.entries(MAIL_TEMPLATES)) {
      const entry = texts.email[name as MailTemplate];
      const used = new Set([...placeholders(entry.subject), ...placeholders(entry.body)]);
      expect([...used].sort(), `${lang} ${name}`).toEqual([...spec.params].sort());
      // Secrets must never be in a subject: subjects are kept after delivery.
      for (const secret of spec.secret) {
        expect(placeholders(entry.subject).has(secret), `${lang} ${name}`).toBe(false);
      }
    }
    for (const [name, spec] of Object.entries(SMS_TEMPLATES)) {
      const used = placeholders(texts.sms[name as keyof typeof SMS_TEMPLATES].body);
      expect([...used].sort(), `${lang} sms ${name}`).toEqual([...spec.params].sort());
    }
  });
});

describe('renderMail', () => {
  it('renders German text with umlauts and without HTML escaping', () => {
    const mail = renderMail(
      'welcome_letter',
      {
        companyName: 'Müller & Söhne GmbH',
        providerName: 'Demo-Carrier',
        productName: 'Cloud PBX',
        portalUrl: 'https://portal.example/registrieren?a=1&b=2',
      },
      'de',
    );
    expect(mail.subject).toBe('Ihr Zugang zum Service-Portal für Müller & Söhne GmbH');
    expect(mail.body).toContain('für Müller & Söhne GmbH steht Cloud PBX von Demo-Carrier bereit');
    expect(mail.body).toContain('https://portal.example/registrieren?a=1&b=2');
    expect(mail.body).toContain('Mit freundlichen Grüßen');
    expect(mail.redactedBody).toBe(mail.body);
  });

  it('renders English when asked', () => {
    const mail = renderMail(
      'workplace_activation',
      paramsFor(['displayName', 'username', 'firstLoginUrl']),
      'en',
    );
    expect(mail.subject).toBe('Your workplace has been set up');
    expect(mail.body).toContain('Hello <displayName>,');
  });

  it.each([
    ['admin_activation_code', 'code'],
    ['admin_invitation', 'code'],
    ['temporary_password', 'password'],
  ] as const)('masks the secret of %s in the redacted body', (template, secret) => {
    const params = { ...paramsFor(MAIL_TEMPLATES[template].params), [secret]: 'GEHEIM-4711' };
    const mail = renderMail(template, params, 'de');
    expect(mail.body).toContain('GEHEIM-4711');
    expect(mail.redactedBody).not.toContain('GEHEIM-4711');
    expect(mail.redactedBody).toContain(REDACTED);
    expect(mail.subject).not.toContain('GEHEIM-4711');
  });

  it('throws a clear error naming a missing param', () => {
    expect(() =>
      renderMail(
        'admin_activation_code',
        { username: 'a', companyName: 'b', portalUrl: 'c' },
        'de',
      ),
    ).toThrow(/admin_activation_code.*code, expiresAt/);
  });

  it('rejects an unknown template', () => {
    expect(() => renderMail('nope' as MailTemplate, {}, 'de')).toThrow(/unknown mail template/);
  });

  it('ignores undeclared params and does not interpolate nested placeholders from values', () => {
    const mail = renderMail(
      'workplace_activation',
      { displayName: '{{username}}', username: 'max', firstLoginUrl: 'u', extra: 'x' },
      'de',
    );
    expect(mail.body).toContain('Guten Tag {{username}},');
  });
});

describe('renderSms', () => {
  it('renders the temporary password and masks it in the stored copy', () => {
    const sms = renderSms(
      'temporary_password',
      { username: 'max.mustermann', password: 'Xy7-abc.DEF', expiresAt: '01.03.2026, 10:00' },
      'de',
    );
    expect(sms.body).toBe(
      'Ihr temporäres Passwort für max.mustermann: Xy7-abc.DEF (gültig bis 01.03.2026, 10:00)',
    );
    expect(sms.redactedBody).toBe(
      `Ihr temporäres Passwort für max.mustermann: ${REDACTED} (gültig bis 01.03.2026, 10:00)`,
    );
  });

  it('throws on a missing param', () => {
    expect(() => renderSms('temporary_password', { username: 'x' }, 'de')).toThrow(/password/);
  });
});

describe('labels and the errors namespace', () => {
  it.each([
    ['queued', 'in Warteschlange', 'queued'],
    ['sent', 'versendet', 'sent'],
    ['failed', 'fehlgeschlagen', 'failed'],
    ['no_gateway', 'nicht versendet (kein Gateway)', 'not sent (no gateway)'],
  ] as const)('labels %s', (status, de, en) => {
    expect(outboxStatusLabel(status, 'de')).toBe(de);
    expect(outboxStatusLabel(status, 'en')).toBe(en);
  });

  it('keeps "errors" as the default namespace of translate()', () => {
    expect(translate('de', 'not_found')).toBe('Die angeforderte Ressource wurde nicht gefunden.');
    expect(hasTranslation('not_found')).toBe(true);
  });
});
