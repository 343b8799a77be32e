import { describe, expect, it } from 'vitest';
import {
  createKeyring,
  envelopeKeyId,
  generateKey,
  openSecret,
  parseKeyring,
  SecretDecryptionError,
  sealSecret,
} from './crypto.js';

const k1 = generateKey();
const k2 = generateKey();

describe('sealSecret / openSecret', () => {
  const keyring = createKeyring({ activeKeyId: 'k1', keys: { k1 } });

  it('round-trips and names the key in the envelope', () => {
    const envelope = sealSecret(keyring, 'ya29.secret-token', 'row-1');
    expect(envelope).not.toContain('ya29');
    expect(envelopeKeyId(envelope)).toBe('k1');
    expect(openSecret(keyring, envelope, 'row-1')).toBe('ya29.secret-token');
  });

  it('uses a fresh IV every time', () => {
    expect(sealSecret(keyring, 'same', 'row')).not.toBe(sealSecret(keyring, 'same', 'row'));
  });

  it('refuses an envelope moved to another row', () => {
    const envelope = sealSecret(keyring, 'token', 'row-1');
    expect(() => openSecret(keyring, envelope, 'row-2')).toThrow(SecretDecryptionError);
  });

  it('refuses tampered ciphertext', () => {
    const parts = sealSecret(keyring, 'token', 'row').split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => openSecret(keyring, parts.join('.'), 'row')).toThrow(SecretDecryptionError);
  });

  it('refuses an envelope sealed under a key the keyring lacks', () => {
    const other = createKeyring({ activeKeyId: 'k2', keys: { k2 } });
    const envelope = sealSecret(other, 'token', 'row');
    expect(() => openSecret(keyring, envelope, 'row')).toThrow(/k2/);
    expect(() => openSecret(keyring, 'garbage', 'row')).toThrow(SecretDecryptionError);
  });

  it('opens old envelopes after rotation while sealing new ones under the active key', () => {
    const old = sealSecret(keyring, 'token', 'row');
    const rotated = createKeyring({ activeKeyId: 'k2', keys: { k1, k2 } });
    expect(openSecret(rotated, old, 'row')).toBe('token');
    expect(envelopeKeyId(sealSecret(rotated, 'token', 'row'))).toBe('k2');
  });
});

describe('keyrings', () => {
  it('rejects keys that are not 32 bytes and a missing active key', () => {
    expect(() => createKeyring({ activeKeyId: 'k1', keys: { k1: new Uint8Array(16) } })).toThrow(/32 bytes/);
    expect(() => createKeyring({ activeKeyId: 'k9', keys: { k1 } })).toThrow(/k9/);
    expect(() => createKeyring({ activeKeyId: 'a.b', keys: { 'a.b': k1 } })).toThrow(/key id/);
  });

  it('parses keyId:base64 lists with the first key active', () => {
    const keyring = parseKeyring(
      `2025-01:${Buffer.from(k2).toString('base64')}, 2024-07:${Buffer.from(k1).toString('base64')}`,
    );
    expect(keyring.activeKeyId).toBe('2025-01');
    expect(Object.keys(keyring.keys)).toEqual(['2025-01', '2024-07']);
    expect(() => parseKeyring('')).toThrow(/empty/);
  });
});
