import { en } from './en.js';
import { sv, type Catalog } from './sv.js';

export type Lang = 'sv' | 'en';
export type { Catalog };

/** English only when the user's Teams locale is English; otherwise the configured default. */
export function langOf(locale: string | undefined, fallback: Lang): Lang {
  if (!locale) return fallback;
  const l = locale.toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('sv')) return 'sv';
  return fallback;
}

export function messages(lang: Lang): Catalog {
  return lang === 'en' ? en : sv;
}
