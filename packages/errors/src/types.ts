import type { Action, ErrorCode, Provider, SubReason } from './vocabulary.js';

/** Response headers as received; names may be in any case. */
export type HeaderBag = Record<string, string | string[] | undefined>;

export interface ProviderFailureInput {
  /** Which API answered. `google-oauth` / `microsoft-identity` are the token endpoints. */
  provider: Provider;
  status?: number;
  headers?: HeaderBag;
  /** Raw body exactly as received: JSON, HTML, XML, plain text, empty or truncated. */
  body?: string;
  /** Node `error.code` (or `error.cause.code` behind undici's "fetch failed"). */
  errorCode?: string;
  /** URL called or configured. */
  endpoint?: string;
}

export interface ClassifyOptions {
  /** Reference time for HTTP-date `Retry-After` values. Defaults to `Date.now()`. */
  now?: Date | number;
}

export interface ProviderErrorClassification {
  code: ErrorCode;
  action: Action;
  retryable: boolean;
  connectionBroken: boolean;
  /** Minimum wait before retrying; only set when `action` is `RETRY_WITH_BACKOFF`. */
  retryAfterSeconds?: number;
  /** The input provider, or `'unknown'` when the input did not name a valid one. */
  provider: Provider | 'unknown';
  httpStatus?: number;
  /** The provider's own reason string (Google `reason`, Graph `error.code`, OAuth `error`…). */
  providerReason?: string;
  /** A secondary provider code (Google `status`, `AADSTS…` code, Zoom numeric code, Node code). */
  providerCode?: string;
  /** A stable finer reason that remediation text can be specific about. */
  subReason?: SubReason;
  /** A safe English one-liner: secrets are scrubbed and the length is capped. */
  message: string;
}
