// The viewer's language: a message table, dates through Intl in the same locale, and the gateway's Locale.
import type { Types } from '@tsunagi/sdk';
import { type ConsoleLocale, LOCALES, MESSAGES, type MessageKey } from './messages.js';

export type { ConsoleLocale, MessageKey } from './messages.js';
export { LOCALE_NAMES, LOCALES } from './messages.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: ConsoleLocale): Translate {
  const table = MESSAGES[locale];
  return (key, params = {}) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export function formatDate(locale: ConsoleLocale, iso: string | null | undefined, never: string): string {
  if (!iso) return never;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** The gateway's `Locale` for reasons, errors and remediation texts. */
export const apiLocale = (locale: ConsoleLocale): Types.Locale => locale.toUpperCase() as Types.Locale;

/** The language saved earlier, else the browser's first one the console has, else English. */
export function initialLocale(saved: string | null, preferred: readonly string[]): ConsoleLocale {
  const known = (value: string | null | undefined): ConsoleLocale | undefined =>
    LOCALES.find((locale) => locale === value?.slice(0, 2).toLowerCase());
  return known(saved) ?? preferred.map(known).find((locale) => locale !== undefined) ?? 'en';
}
