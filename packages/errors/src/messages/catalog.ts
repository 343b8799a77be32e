import type { ErrorCode, SubReason } from '../vocabulary.js';

export const LOCALES = ['en', 'ja', 'it', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocalizedText {
  readonly title: string;
  readonly remediation: string;
}

/** Services named in texts through the `{service}` and `{reconnect}` placeholders. */
export type ServiceKey = 'google' | 'microsoft' | 'exchange' | 'zoom';

/** Every locale must say something about every code and every sub-reason: the types enforce it. */
export interface LocaleCatalog {
  readonly codes: Readonly<Record<ErrorCode, LocalizedText>>;
  readonly subReasons: Readonly<Record<SubReason, LocalizedText>>;
  readonly services: Readonly<Record<ServiceKey, string>>;
  /**
   * The reconnect steps of each integration (the `{reconnect}` placeholder): the seed's product
   * reconnects Google and Microsoft per calendar / resource account, Zoom and Teams per user.
   */
  readonly reconnect: Readonly<Record<ServiceKey | 'any', string>>;
  /** Stands in for `{service}` when the provider is not known. */
  readonly anyService: string;
}
