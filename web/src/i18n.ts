import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from '../../common/src/i18n/de/ui.json';
import en from '../../common/src/i18n/en/ui.json';
import deErrors from '../../common/src/i18n/de/errors.json';
import enErrors from '../../common/src/i18n/en/errors.json';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../common/src/i18n/index.ts';

export type { Language };

const STORAGE_KEY = 'zentrale.lang';

// Typed against the German file so a key missing in English fails the type check.
const enUi: typeof de = en;
// The server's catalogue, for messages the UI checks before sending (e.g. password rules).
const enErrorsTyped: typeof deErrors = enErrors;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: typeof de; errors: typeof deErrors };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be unavailable (privacy mode); the default language is fine then.
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: { de: { ui: de, errors: deErrors }, en: { ui: enUi, errors: enErrorsTyped } },
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  ns: ['ui', 'errors'],
  defaultNS: 'ui',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18next;
