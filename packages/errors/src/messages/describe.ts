import type { ProviderErrorClassification } from '../types.js';
import { type ErrorCode, isErrorCode, isSubReason, type Provider, type SubReason } from '../vocabulary.js';
import { LOCALES, type Locale, type LocaleCatalog, type LocalizedText, type ServiceKey } from './catalog.js';
import { enCatalog } from './en.js';
import { itCatalog } from './it.js';
import { jaCatalog } from './ja.js';
import { plCatalog } from './pl.js';

export const CATALOGS: Readonly<Record<Locale, LocaleCatalog>> = {
  en: enCatalog,
  ja: jaCatalog,
  it: itCatalog,
  pl: plCatalog,
};

const SERVICE_OF: Readonly<Record<Provider, ServiceKey | undefined>> = {
  google: 'google',
  'google-oauth': 'google',
  'google-interop': 'exchange',
  microsoft: 'microsoft',
  'microsoft-identity': 'microsoft',
  zoom: 'zoom',
  network: undefined,
};

export interface DescribeContext {
  /** Picks the specific text of a sub-reason when the locale has one (all do). */
  subReason?: SubReason | string;
  /** Names the service in the text (`Googleカレンダー`, `Zoom`…). */
  provider?: Provider | string;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function serviceKey(provider: unknown): ServiceKey | undefined {
  return typeof provider === 'string' && Object.hasOwn(SERVICE_OF, provider)
    ? SERVICE_OF[provider as Provider]
    : undefined;
}

function fill(text: string, catalog: LocaleCatalog, key: ServiceKey | undefined): string {
  if (!text.includes('{')) return text;
  return text
    .replaceAll('{reconnect}', catalog.reconnect[key ?? 'any'])
    .replaceAll('{service}', key === undefined ? catalog.anyService : catalog.services[key]);
}

/**
 * Title and remediation for a code in `en`, `ja`, `it` or `pl`, specific to the sub-reason when one
 * is given. Unknown locales fall back to English and unknown codes to UNKNOWN; it never throws.
 */
export function describeError(code: ErrorCode, locale: Locale, context?: DescribeContext): LocalizedText {
  const catalog = CATALOGS[isLocale(locale) ? locale : 'en'];
  const sub = context?.subReason;
  const text = isSubReason(sub)
    ? catalog.subReasons[sub]
    : catalog.codes[isErrorCode(code) ? code : 'UNKNOWN'];
  const key = serviceKey(context?.provider);
  return { title: fill(text.title, catalog, key), remediation: fill(text.remediation, catalog, key) };
}

/** `describeError` for a classification: uses its code, sub-reason and provider. */
export function describeClassification(
  classification: Pick<ProviderErrorClassification, 'code' | 'subReason' | 'provider'>,
  locale: Locale,
): LocalizedText {
  return describeError(classification.code, locale, {
    subReason: classification.subReason,
    provider: classification.provider,
  });
}
