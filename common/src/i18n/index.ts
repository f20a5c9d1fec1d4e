// The shared translation catalogues: the UI and the server load the same files.
import deErrors from './de/errors.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'de';

export const serverResources = {
  de: { errors: deErrors },
  en: { errors: enErrors },
} as const;

/** Picks de or en from an Accept-Language header (German unless English is preferred). */
export function pickLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) {
    return DEFAULT_LANGUAGE;
  }
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((e) => e.quality > 0 && !Number.isNaN(e.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    if ((LANGUAGES as readonly string[]).includes(entry.lang)) {
      return entry.lang as Language;
    }
  }
  return DEFAULT_LANGUAGE;
}
