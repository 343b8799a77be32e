import { CliUsageError } from './io.js';

export const LOCALES = ['en', 'ja', 'it', 'pl'] as const;
export type CliLocale = (typeof LOCALES)[number];

export function parseLocale(value: string | undefined): CliLocale {
  const wanted = (value ?? 'en').toLowerCase();
  const found = LOCALES.find((locale) => locale === wanted);
  if (!found) throw new CliUsageError(`unknown locale "${value}": use one of ${LOCALES.join(', ')}`);
  return found;
}
