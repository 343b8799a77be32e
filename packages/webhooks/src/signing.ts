// Standard Webhooks signing (https://www.standardwebhooks.com/, spec/standard-webhooks.md): the signature
// is HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}`, sent as `v1,<base64>`; several
// signatures are separated by spaces, which is how both secrets sign during a rotation's overlap.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** The prefix Standard Webhooks gives symmetric secrets; the rest is the base64 key. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;

/** A fresh 32-byte signing secret, `whsec_<base64>` (the spec asks for 24 to 64 bytes). */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

export function isWebhookSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

// A signer decodes its key once; keep the few in use rather than decode one per message.
const signers = new Map<string, Webhook>();
function signerFor(secret: string): Webhook {
  let signer = signers.get(secret);
  if (signer === undefined) {
    if (signers.size >= 1_000) signers.clear();
    signer = new Webhook(secret);
    signers.set(secret, signer);
  }
  return signer;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers for one attempt, signed with every secret given (newest first). */
export function signWebhook(
  messageId: string,
  timestamp: Date,
  body: string,
  secrets: readonly string[],
): SignedHeaders {
  if (secrets.length === 0) throw new Error('A webhook needs at least one secret to sign with');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => signerFor(secret).sign(messageId, timestamp, body))
      .join(' '),
  };
}
