export type { DispatcherLogger, WebhookDispatcherOptions } from './dispatcher.js';
export { WebhookDispatcher } from './dispatcher.js';
export { eventMessageBody, TEST_MESSAGE_TYPE } from './message.js';
export type { DeliveryPolicy } from './policy.js';
export { attemptLeaseMs, DEFAULT_DELIVERY_POLICY, retryDelayMs } from './policy.js';
export type { SendOptions, SendOutcome } from './sender.js';
export { WebhookSender } from './sender.js';
export type { SignedHeaders } from './signing.js';
export { generateWebhookSecret, isWebhookSecret, signWebhook, WEBHOOK_SECRET_PREFIX } from './signing.js';
export type {
  WebhookEndpointInput,
  WebhookEndpointView,
  WebhookMessageView,
  WebhookStoreOptions,
} from './store.js';
export { WebhookStore } from './store.js';
export type { AddressKind, ResolvedAddress, Resolver, TargetPolicy, UrlCheck } from './targets.js';
export {
  ADDRESS_KINDS,
  checkWebhookUrl,
  classifyAddress,
  guardedLookup,
  isAllowedAddress,
  MAX_WEBHOOK_URL_LENGTH,
  systemResolver,
  TargetRefusedError,
} from './targets.js';
