import i18next, { type TFunction } from 'i18next';
import { serverResources, type Language } from '../../../common/src/i18n/index.ts';

const instance = i18next.createInstance();
await instance.init({
  resources: serverResources,
  lng: 'de',
  fallbackLng: 'de',
  ns: ['errors'],
  defaultNS: 'errors',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

const fixed: Record<Language, TFunction> = {
  de: instance.getFixedT('de'),
  en: instance.getFixedT('en'),
};

/** Translates a key in the given language; unknown keys come back as the key itself. */
export function translate(lang: Language, key: string, params?: Record<string, unknown>): string {
  return fixed[lang](key, params ?? {});
}

export function hasTranslation(key: string): boolean {
  return instance.exists(key);
}
