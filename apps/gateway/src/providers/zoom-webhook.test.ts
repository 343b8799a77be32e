// ZoomWebhook verification without a database: signature, timestamp window, url_validation, replay keys (claimed
// in a map here; the database store has its own tests in @tsunagi/db, and the webhook's integration tests use it).
import { createHmac } from 'node:crypto';
import type { Database, StateService, WebhookDeliveryStore } from '@tsunagi/db';
import { describe, expect, it } from 'vitest';
import { ZoomWebhook } from './zoom-webhook.js';

const SECRET = 'unit-secret';
const NOW = Date.UTC(2030, 0, 7, 9, 0, 0);

function sign(timestamp: string, body: string, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function webhook(calls: string[] = []) {
  const db = {
    query: {
      connections: {
        findMany: async () => {
          calls.push('findMany');
          return [
            { id: 'c1', organizationId: 'o1', statusChangedAt: new Date(NOW - 60_000) },
            // Reconnected after the user removed the app: left alone.
            { id: 'c2', organizationId: 'o1', statusChangedAt: new Date(NOW + 1_000) },
          ];
        },
      },
    },
  } as unknown as Database;
  const state = {
    markConnectionError: async (_actor: unknown, id: string, classification: { code: string }) => {
      calls.push(`mark ${id} ${classification.code}`);
      return { ok: true, value: {} };
    },
  } as unknown as StateService;
  const claimed = new Set<string>();
  const deliveries: WebhookDeliveryStore = {
    claim: async (provider, keys) => {
      if (keys.some((key) => claimed.has(`${provider}:${key}`))) return false;
      for (const key of keys) claimed.add(`${provider}:${key}`);
      return true;
    },
    seen: async (provider, keys) => keys.some((key) => claimed.has(`${provider}:${key}`)),
  };
  return new ZoomWebhook({ secretToken: SECRET, db, state, deliveries, now: () => NOW });
}

const ts = String(NOW / 1000);
const deauth = JSON.stringify({
  event: 'app_deauthorized',
  event_ts: NOW,
  payload: {
    account_id: 'acc',
    user_id: 'u1',
    signature: 'abc',
    client_id: 'cid',
    deauthorization_time: new Date(NOW).toISOString(),
  },
});

describe('ZoomWebhook', () => {
  it('answers url_validation with the HMAC of the plain token', async () => {
    const body = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'plain' } });
    const outcome = await webhook().handle({ signature: sign(ts, body), timestamp: ts }, body);
    expect(outcome).toEqual({
      status: 200,
      body: {
        plainToken: 'plain',
        encryptedToken: createHmac('sha256', SECRET).update('plain').digest('hex'),
      },
    });
  });

  it('rejects missing, forged and tampered signatures, and timestamps outside five minutes', async () => {
    const calls: string[] = [];
    const hook = webhook(calls);
    expect(await hook.handle({ timestamp: ts }, deauth)).toEqual({ status: 401, reason: 'signature' });
    expect(await hook.handle({ signature: sign(ts, deauth, 'other'), timestamp: ts }, deauth)).toMatchObject({
      status: 401,
    });
    expect(await hook.handle({ signature: sign(ts, deauth), timestamp: ts }, `${deauth} `)).toMatchObject({
      status: 401,
    });
    const old = String(NOW / 1000 - 301);
    expect(await hook.handle({ signature: sign(old, deauth), timestamp: old }, deauth)).toEqual({
      status: 401,
      reason: 'timestamp',
    });
    expect(calls).toEqual([]);
  });

  it('marks the connections once; a replay (same signature or same event signature) is ignored', async () => {
    const calls: string[] = [];
    const hook = webhook(calls);
    expect(await hook.handle({ signature: sign(ts, deauth), timestamp: ts }, deauth)).toEqual({
      status: 200,
      body: { status: 'processed', connections: 1 },
    });
    expect(await hook.handle({ signature: sign(ts, deauth), timestamp: ts }, deauth)).toEqual({
      status: 200,
      body: { status: 'duplicate' },
    });
    const later = String(NOW / 1000 - 10);
    expect(await hook.handle({ signature: sign(later, deauth), timestamp: later }, deauth)).toEqual({
      status: 200,
      body: { status: 'duplicate' },
    });
    expect(calls).toEqual(['findMany', 'mark c1 AUTH_REVOKED']);
  });
});
