export type { ReceivedWebhook } from './receiver.js';
export { WebhookReceiver } from './receiver.js';
