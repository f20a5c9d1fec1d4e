import i18next, { type TFunction } from 'i18next';
import { serverResources, type Language } from '../../../common/src/i18n/index.ts';
import deMail from '../../../common/src/i18n/de/mail.json' with { type: 'json' };
import enMail from '../../../common/src/i18n/en/mail.json' with { type: 'json' };

/** Namespaces the server translates from: API errors and mail/SMS templates. */
export const SERVER_NAMESPACES = ['errors', 'mail'] as const;
export type ServerNamespace = (typeof SERVER_NAMESPACES)[number];

// The mail catalogues are server-only, so they are merged here rather than shipped to the web app.
const resources = {
  de: { ...serverResources.de, mail: deMail },
  en: { ...serverResources.en, mail: enMail },
} as const;

const instance = i18next.createInstance();
await instance.init({
  resources,
  lng: 'de',
  fallbackLng: 'de',
  ns: [...SERVER_NAMESPACES],
  defaultNS: 'errors',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

const fixed: Record<ServerNamespace, Record<Language, TFunction>> = {
  errors: { de: instance.getFixedT('de', 'errors'), en: instance.getFixedT('en', 'errors') },
  mail: { de: instance.getFixedT('de', 'mail'), en: instance.getFixedT('en', 'mail') },
};

/** Translates a key in the given language; unknown keys come back as the key itself. */
export function translate(lang: Language, key: string, params?: Record<string, unknown>): string {
  return fixed.errors[lang](key, params ?? {});
}

/** Like translate(), in another namespace (for example "mail"). */
export function translateIn(
  ns: ServerNamespace,
  lang: Language,
  key: string,
  params?: Record<string, unknown>,
): string {
  return fixed[ns][lang](key, params ?? {});
}

/** True when the key exists; "mail:…" checks another namespace, `lng` a language without fallback. */
export function hasTranslation(key: string, lng?: Language): boolean {
  return lng ? instance.exists(key, { lng, fallbackLng: false }) : instance.exists(key);
}
