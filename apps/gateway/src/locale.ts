// The GraphQL `Locale` enum as the text catalogs spell it (@tsunagi/errors and @tsunagi/booking-rules alike).
import type { Locale } from './__generated__/resolvers-types.js';

const LOCALE: Readonly<Record<Locale, 'en' | 'ja' | 'it' | 'pl'>> = {
  EN: 'en',
  JA: 'ja',
  IT: 'it',
  PL: 'pl',
};

export function catalogLocale(locale: Locale | null | undefined): 'en' | 'ja' | 'it' | 'pl' {
  return LOCALE[locale ?? 'EN'];
}

/** A stored locale (`users.locale`) as the GraphQL enum spells it. */
export const LOCALE_OF_CATALOG: Readonly<Record<'en' | 'ja' | 'it' | 'pl', Locale>> = {
  en: 'EN',
  ja: 'JA',
  it: 'IT',
  pl: 'PL',
};
