// AES-256-GCM envelopes for secrets at rest. An envelope names the key that sealed it, so a keyring
// can hold old keys for reading while every new write uses the active one (see rotateCredentials).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ENVELOPE_VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface Keyring {
  readonly activeKeyId: string;
  readonly keys: Readonly<Record<string, Uint8Array>>;
}

export interface KeyringInput {
  activeKeyId: string;
  /** 32-byte keys, as bytes or base64 / base64url text. */
  keys: Record<string, Uint8Array | string>;
}

/** A secret could not be opened: unknown key id, wrong key, or tampered ciphertext. */
export class SecretDecryptionError extends Error {
  override readonly name = 'SecretDecryptionError';
}

/** Validates a keyring; throws on a configuration mistake (wrong key length, missing active key). */
export function createKeyring(input: KeyringInput): Keyring {
  const keys: Record<string, Uint8Array> = {};
  for (const [keyId, key] of Object.entries(input.keys)) {
    if (!KEY_ID_PATTERN.test(keyId))
      throw new Error(`Invalid key id "${keyId}": use letters, digits, _ or -`);
    const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : Buffer.from(key);
    if (bytes.length !== KEY_BYTES) {
      throw new Error(`Key "${keyId}" must be ${KEY_BYTES} bytes, got ${bytes.length}`);
    }
    keys[keyId] = new Uint8Array(bytes);
  }
  if (!(input.activeKeyId in keys))
    throw new Error(`Active key "${input.activeKeyId}" is not in the keyring`);
  return Object.freeze({ activeKeyId: input.activeKeyId, keys: Object.freeze(keys) });
}

/** Parses `keyId:base64[,keyId:base64…]`; the first key is the active one. For one env variable. */
export function parseKeyring(spec: string): Keyring {
  const entries = spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const at = part.indexOf(':');
      if (at <= 0) throw new Error('Keyring entries look like keyId:base64key');
      return [part.slice(0, at), part.slice(at + 1)] as const;
    });
  const first = entries[0];
  if (first === undefined) throw new Error('Keyring is empty');
  return createKeyring({ activeKeyId: first[0], keys: Object.fromEntries(entries) });
}

export function generateKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

/**
 * Seals `plaintext` under the active key. `context` is bound as additional authenticated data (e.g. the
 * owning row id), so an envelope copied onto another row fails to open.
 */
export function sealSecret(keyring: Keyring, plaintext: string, context: string): string {
  const keyId = keyring.activeKeyId;
  const key = keyring.keys[keyId];
  if (key === undefined) throw new Error(`Active key "${keyId}" is not in the keyring`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    ENVELOPE_VERSION,
    keyId,
    iv.toString('base64url'),
    body.toString('base64url'),
    tag.toString('base64url'),
  ].join('.');
}

export function openSecret(keyring: Keyring, envelope: string, context: string): string {
  const [version, keyId, iv, body, tag, ...rest] = envelope.split('.');
  if (version !== ENVELOPE_VERSION || keyId === undefined || iv === undefined || body === undefined) {
    throw new SecretDecryptionError('Not a sealed secret');
  }
  if (tag === undefined || rest.length > 0) throw new SecretDecryptionError('Not a sealed secret');
  const key = keyring.keys[keyId];
  if (key === undefined) throw new SecretDecryptionError(`Key "${keyId}" is not in the keyring`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (cause) {
    throw new SecretDecryptionError('Secret failed authentication', { cause });
  }
}

/** The id of the key an envelope was sealed with. */
export function envelopeKeyId(envelope: string): string | undefined {
  return envelope.split('.')[1];
}
