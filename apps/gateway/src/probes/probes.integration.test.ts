// Scheduled probes against the emulators (real HTTP, real database): the in-process scheduler breaks a
// revoked connection without anyone asking, pauses a provider that answered with Retry-After, and rides out
// transient failures below the hysteresis threshold. Driven with a fake scheduler clock (no waiting).
import {
  type GoogleEmulator,
  type MicrosoftEmulator,
  startGoogleEmulator,
  startMicrosoftEmulator,
} from '@tsunagi/emulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestGateway, type TestGateway, useTestGateway } from '../../test/harness.js';
import { followConsent } from '../../test/oauth.js';
import { World } from '../../test/world.js';
import { AdapterProviderRegistry } from '../providers/adapter-registry.js';
import { createEmulatedProviderRegistry, type ProviderRegistryFactory } from '../providers/adapters.js';
import { registryProbe } from './runner.js';
import { ProbeScheduler, type ProbeTarget } from './scheduler.js';
import { listProbeTargets } from './targets.js';

let microsoft: MicrosoftEmulator;
let google: GoogleEmulator;

beforeAll(async () => {
  [microsoft, google] = await Promise.all([
    startMicrosoftEmulator({ port: 0 }),
    startGoogleEmulator({ port: 0 }),
  ]);
});

afterAll(async () => {
  await Promise.all([microsoft?.stop(), google?.stop()]);
});

beforeEach(() => {
  microsoft.faults.clearAll();
  google.faults.clearAll();
});

/** Built when the gateway starts (the emulators exist by then). Two attempts: enough for the refresh a 401
 * triggers, while a long Retry-After (beyond the retry deadline) reaches the scheduler at once. */
const emulated = (): ProviderRegistryFactory => (dependencies) =>
  createEmulatedProviderRegistry({
    microsoft,
    google,
    clock: { now: () => Date.now(), sleep: async () => {} },
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  })(dependencies);

type Provider = 'MICROSOFT_CALENDAR' | 'GOOGLE_CALENDAR';

/** Links a new account of `provider` through connectAccount → emulator consent → callback. */
async function link(t: TestGateway, provider: Provider) {
  const w = await World.create(t, ['aiko'], { aiko: 'ADMIN' });
  const user = await t.handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.aiko) });
  const email = user?.email ?? '';
  const account =
    provider === 'MICROSOFT_CALENDAR'
      ? microsoft.accounts.create({ email })
      : google.accounts.create({ email });
  const data = await w.run<{ connectAccount: { authorizationUrl: string } }>(
    'aiko',
    `mutation { connectAccount(provider: ${provider}) { authorizationUrl } }`,
  );
  const done = await followConsent(data.connectAccount.authorizationUrl);
  return { w, account, connectionId: String(done.connectionId) };
}

async function stored(t: TestGateway, id: string) {
  const row = await t.handle.db.query.connections.findFirst({ where: (c, { eq }) => eq(c.id, id) });
  if (row === undefined) throw new Error(`no connection ${id}`);
  return row;
}

describe('in-process probe scheduler against the emulators (pglite)', () => {
  const t = useTestGateway('pglite', { gateway: { providers: emulated() } });

  /** A scheduler over the gateway's registry on a fake clock; every connection is due on the first tick. */
  function scheduler(only?: readonly string[]) {
    const registry = t().gateway.services.providers;
    if (!(registry instanceof AdapterProviderRegistry)) throw new Error('expected the adapter registry');
    let now = 0;
    const probed: ProbeTarget[] = [];
    const probe = registryProbe(registry);
    const s = new ProbeScheduler({
      listTargets: async () =>
        (await listProbeTargets(t().handle.db, registry.providers())).filter(
          (target) => only === undefined || only.includes(target.id),
        ),
      probe: async (target) => {
        probed.push(target);
        return probe(target);
      },
      intervalMs: 60_000,
      jitter: 0,
      concurrencyPerProvider: 4,
      refreshMs: 1_000,
      clock: { now: () => now },
      random: () => 0,
    });
    return {
      probed,
      /** Moves the clock and runs one scheduling pass to completion. */
      async round(advanceMs: number) {
        now += advanceMs;
        await s.tick();
        await s.idle();
      },
      stats: () => s.stats(),
    };
  }

  it('turns a connection whose grant was revoked ERROR after a round, with no GraphQL call', async () => {
    const { w, account, connectionId } = await link(t(), 'MICROSOFT_CALENDAR');
    const page = await w.createPage('aiko', { title: 'Probed page' });
    const s = scheduler([connectionId]);
    await s.round(0);
    expect(s.probed.map((target) => target.id)).toEqual([connectionId]);
    expect(await stored(t(), connectionId)).toMatchObject({ status: 'CONNECTED', lastError: null });

    microsoft.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    await s.round(60_000);
    expect(s.probed).toHaveLength(2);
    const broken = await stored(t(), connectionId);
    expect(broken).toMatchObject({ status: 'ERROR', lastError: { code: 'AUTH_REVOKED' } });
    // Pages re-evaluated in the same transaction.
    expect((await w.page('aiko', page.id)).state).toBe('DISABLED_CONNECTION_ERROR');
  });

  it("pauses a provider's probes on Retry-After, not the other providers'", async () => {
    const limited = await link(t(), 'MICROSOFT_CALENDAR');
    const other = await link(t(), 'MICROSOFT_CALENDAR');
    const g = await link(t(), 'GOOGLE_CALENDAR');
    const ids = [limited.connectionId, other.connectionId, g.connectionId];
    const s = scheduler(ids);
    microsoft.faults.inject(limited.account.id, { kind: 'RATE_LIMIT', requests: 1, retryAfterSeconds: 120 });
    await s.round(0);
    expect(s.probed.map((target) => target.id).sort()).toEqual([...ids].sort());
    expect(s.stats().pausedProviders).toEqual(['MICROSOFT_CALENDAR']);
    // One transient failure: still CONNECTED, the failure counted.
    expect(await stored(t(), limited.connectionId)).toMatchObject({
      status: 'CONNECTED',
      consecutiveFailures: 1,
    });

    // A round later (60 s) Microsoft is still paused; Google is probed.
    await s.round(60_000);
    expect(s.probed.slice(3).map((target) => target.id)).toEqual([g.connectionId]);
    // The pause over (120 s), Microsoft's due probes run again and the rate-limited one recovers.
    await s.round(61_000);
    const resumed = s.probed.slice(4).filter((target) => target.provider === 'MICROSOFT_CALENDAR');
    expect(resumed.map((target) => target.id).sort()).toEqual(
      [limited.connectionId, other.connectionId].sort(),
    );
    expect(s.stats().pausedProviders).toEqual([]);
    expect(await stored(t(), limited.connectionId)).toMatchObject({
      status: 'CONNECTED',
      consecutiveFailures: 0,
      lastError: null,
    });
  });

  it('keeps a connection CONNECTED through transient failures below the hysteresis threshold', async () => {
    const { account, connectionId } = await link(t(), 'GOOGLE_CALENDAR');
    const s = scheduler([connectionId]);
    google.faults.inject(account.id, { kind: 'SERVER_ERROR_BURST', requests: 4, status: 500 });
    await s.round(0);
    await s.round(60_000);
    expect(s.probed).toHaveLength(2);
    expect(await stored(t(), connectionId)).toMatchObject({ status: 'CONNECTED', consecutiveFailures: 2 });
    await s.round(60_000);
    expect(await stored(t(), connectionId)).toMatchObject({
      status: 'CONNECTED',
      health: 'HEALTHY',
      consecutiveFailures: 0,
      lastError: null,
    });
  });
});

describe('createGateway schedules probes (pglite)', () => {
  it('runs the in-process scheduler when enabled and stops it on shutdown', async () => {
    const t = await startTestGateway('pglite', {
      config: { probes: { enabled: true, intervalSeconds: 1, concurrencyPerProvider: 2 } },
      gateway: { providers: emulated() },
    });
    try {
      expect(t.gateway.probes?.mode).toBe('in-process');
      const { account, connectionId } = await link(t, 'MICROSOFT_CALENDAR');
      microsoft.faults.inject(account.id, { kind: 'REVOKE_GRANT' });
      await vi.waitFor(
        async () =>
          expect(await stored(t, connectionId)).toMatchObject({
            status: 'ERROR',
            lastError: { code: 'AUTH_REVOKED' },
          }),
        { timeout: 30_000, interval: 100 },
      );
    } finally {
      await t.close();
    }
    expect(t.gateway.probes?.scheduler?.stats().inFlight).toBe(0);
  });

  it('starts no probes without adapters or when disabled', async () => {
    const plain = await startTestGateway('pglite', {
      config: { probes: { intervalSeconds: 1, concurrencyPerProvider: 1 } },
    });
    const off = await startTestGateway('pglite', { gateway: { providers: emulated() } });
    try {
      expect(plain.gateway.probes).toBeNull();
      expect(off.gateway.probes).toBeNull();
    } finally {
      await Promise.all([plain.close(), off.close()]);
    }
  });
});
