export { classifyProviderError, MAX_MESSAGE_LENGTH, QUOTA_DEFAULT_RETRY_AFTER_SECONDS } from './classify.js';
export { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from './headers.js';
export type { Locale, LocalizedText } from './messages/catalog.js';
export { LOCALES } from './messages/catalog.js';
export type { DescribeContext } from './messages/describe.js';
export { describeClassification, describeError, isLocale } from './messages/describe.js';
export type { OutcomeUnknownDetails } from './outcome-unknown.js';
export { isOutcomeUnknownError, OUTCOME_UNKNOWN_BRAND, OutcomeUnknownError } from './outcome-unknown.js';
export { isProviderError, PROVIDER_ERROR_BRAND, ProviderError } from './provider-error.js';
export type { Clock, RetryAttempt, RetryPolicy } from './retry.js';
export { RetryAbortedError, systemClock, withRetry } from './retry.js';
export { scrubSecrets } from './scrub.js';
export type {
  ClassifyOptions,
  HeaderBag,
  ProviderErrorClassification,
  ProviderFailureInput,
} from './types.js';
export type { ActionTraits, CodeOutcome } from './vocabulary.js';
export {
  ACTION_TRAITS,
  ACTIONS,
  Action,
  DEFAULT_ACTION,
  ERROR_CODES,
  ErrorCode,
  isErrorCode,
  isProvider,
  isSubReason,
  outcomeForCode,
  PROVIDERS,
  type Provider,
  SUB_REASONS,
  SubReason,
} from './vocabulary.js';
