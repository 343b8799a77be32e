// The Exchange connection test, live over a real graphql-ws socket against the Exchange emulator: steps arrive
// one by one and in order (the first long before the last), the last carries the report, `save` stores exactly
// what the mutation stores, and a member is refused with a typed error before anything runs.
import { EXCHANGE_STEP_IDS } from '@tsunagi/providers';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loopbackOnly, PARTICIPANT, useExchangeEmulators } from '../../test/exchange.js';
import { type Caller, useTestGateway } from '../../test/harness.js';
import { subscribe, wsClient } from '../../test/ws.js';

const trustedCa: string[] = [];
const emulator = useExchangeEmulators(trustedCa);

const STEP = 'id status error { code subReason title(locale: JA) }';
const LIVE = `subscription Live($input: ExchangeSettingsInput!, $participant: String!, $save: Boolean) {
  exchangeConnectionTest(input: $input, participant: $participant, save: $save) {
    index
    step { ${STEP} }
    report { ok steps { ${STEP} } }
  }
}`;
const TEST = `mutation Test($input: ExchangeSettingsInput!, $participant: String!, $save: Boolean) {
  testExchangeConnection(input: $input, participant: $participant, save: $save) { ok steps { ${STEP} } }
}`;
const READ = '{ exchangeSettings { ewsUrl status lastReport { ok steps { id status error { code } } } } }';

interface Step {
  id: string;
  status: string;
  error: { code: string; subReason: string | null; title: string } | null;
}
interface Report {
  ok: boolean;
  steps: Step[];
}
interface Progress {
  exchangeConnectionTest: { index: number; step: Step; report: Report | null };
}
type Errors = { extensions?: { code?: string } }[];

describe('exchangeConnectionTest over graphql-ws', () => {
  const t = useTestGateway('pglite', {
    gateway: { exchange: { trustedCa, resolveHost: loopbackOnly, timeoutMs: 10_000 } },
  });
  const clients: Client[] = [];
  let admin: Caller;
  let member: Caller;
  let otherAdmin: Caller;

  const socketFor = async (caller: Caller) => {
    const client = wsClient(t().wsUrl, await t().token(caller));
    clients.push(client);
    return client;
  };
  const read = async (caller: Caller) =>
    (await t().graphql<{ exchangeSettings: Record<string, unknown> | null }>(READ, { caller })).body.data
      ?.exchangeSettings;

  beforeAll(async () => {
    const org = await t().organization(['ada', 'bo'] as const, { ada: 'ADMIN' });
    admin = { organizationId: org.organizationId, userId: org.users.ada, role: 'ADMIN' };
    member = { organizationId: org.organizationId, userId: org.users.bo, role: 'MEMBER' };
    const other = await t().organization(['cy'] as const, { cy: 'ADMIN' });
    otherAdmin = { organizationId: other.organizationId, userId: other.users.cy, role: 'ADMIN' };
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
  });

  it('sends each step as it finishes, in order, the first long before the last; the last with the report', async () => {
    const e = await emulator({ tls: 'valid' });
    // The authenticated availability request (CREDENTIALS) answers 3 s late: everything before it is sent first.
    e.faults.inject({ kind: 'LATENCY', ms: 3_000, requests: 1 });
    const live = subscribe<Progress>(await socketFor(admin), LIVE, {
      input: { ewsUrl: e.url, roleAccount: e.credentials.username, secret: e.credentials.password },
      participant: PARTICIPANT,
    });
    await live.waitFor(1, 30_000);
    // The first step is here while the last has not even started: the report is not sent at the end only.
    const seenWithFirst = live.received.length;
    expect(seenWithFirst).toBeLessThan(EXCHANGE_STEP_IDS.length);
    await live.done;
    expect(live.errors).toEqual([]);

    const messages = live.received.map((data) => data.exchangeConnectionTest);
    expect(messages.map((m) => m.index)).toEqual(EXCHANGE_STEP_IDS.map((_id, index) => index));
    expect(messages.map((m) => m.step.id)).toEqual([...EXCHANGE_STEP_IDS]);
    expect(messages.slice(0, -1).every((m) => m.report === null)).toBe(true);
    const report = messages.at(-1)?.report as Report;
    expect(report.ok).toBe(true);
    expect(report.steps).toEqual(messages.map((m) => m.step));
    // Without `save` nothing is stored.
    expect(await read(admin)).toBeNull();
  });

  it('a failing test streams the localized error of its failed step, then the SKIPPED ones', async () => {
    const e = await emulator({ tls: 'expired' });
    const live = subscribe<Progress>(await socketFor(admin), LIVE, {
      input: { ewsUrl: e.url, roleAccount: e.credentials.username, secret: e.credentials.password },
      participant: PARTICIPANT,
    });
    await live.done;
    const steps = live.received.map((data) => data.exchangeConnectionTest.step);
    const failed = steps.findIndex((step) => step.status === 'FAILED');
    expect(steps[failed]).toMatchObject({ id: 'TLS', error: { code: 'TLS_ERROR' } });
    // The title in the viewer's language (here Japanese), as the mutation gives it.
    expect(steps[failed]?.error?.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(steps.slice(failed + 1).every((step) => step.status === 'SKIPPED')).toBe(true);
  });

  it('with save, stores exactly what the mutation stores (BROKEN, then OK), only once the test has run', async () => {
    const expired = await emulator({ tls: 'expired' });
    const valid = await emulator({ tls: 'valid' });
    const inputFor = (e: typeof valid) => ({
      ewsUrl: e.url,
      roleAccount: e.credentials.username,
      secret: e.credentials.password,
    });
    for (const e of [expired, valid]) {
      const live = subscribe<Progress>(await socketFor(admin), LIVE, {
        input: inputFor(e),
        participant: PARTICIPANT,
        save: true,
      });
      await live.done;
      expect(live.errors).toEqual([]);
      const liveReport = live.received.at(-1)?.exchangeConnectionTest.report as Report;
      const liveStored = await read(admin);

      // The mutation with the same input, in another organization: the same report, the same row.
      const mutation = await t().graphql<{ testExchangeConnection: Report }>(TEST, {
        caller: otherAdmin,
        variables: { input: inputFor(e), participant: PARTICIPANT, save: true },
      });
      expect(mutation.body.errors).toBeUndefined();
      expect(liveReport).toEqual(mutation.body.data?.testExchangeConnection);
      expect(liveStored).toEqual(await read(otherAdmin));
      expect(liveStored).toMatchObject({ ewsUrl: e.url, status: e === valid ? 'OK' : 'BROKEN' });
    }
  });

  it('a socket closed mid-test does not stop it: with save, the settings are stored as by the mutation', async () => {
    const org = await t().organization(['dee'] as const, { dee: 'ADMIN' });
    const dee: Caller = { organizationId: org.organizationId, userId: org.users.dee, role: 'ADMIN' };
    const e = await emulator({ tls: 'valid' });
    e.faults.inject({ kind: 'LATENCY', ms: 2_000, requests: 1 });
    const client = await socketFor(dee);
    const live = subscribe<Progress>(client, LIVE, {
      input: { ewsUrl: e.url, roleAccount: e.credentials.username, secret: e.credentials.password },
      participant: PARTICIPANT,
      save: true,
    });
    await live.waitFor(1, 30_000);
    await client.dispose();
    expect(live.received.length).toBeLessThan(EXCHANGE_STEP_IDS.length);
    await vi.waitFor(async () => expect(await read(dee)).toMatchObject({ ewsUrl: e.url, status: 'OK' }), {
      timeout: 30_000,
      interval: 100,
    });
  });

  it('a member gets FORBIDDEN on the socket; nothing runs and nothing is written', async () => {
    // The member's organization's settings, as they were.
    const before = await read(admin);
    const e = await emulator({ tls: 'valid' });
    const live = subscribe<Progress>(await socketFor(member), LIVE, {
      input: { ewsUrl: e.url, roleAccount: e.credentials.username, secret: e.credentials.password },
      participant: PARTICIPANT,
      save: true,
    });
    await live.done;
    expect((live.errors as Errors).map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(live.received).toEqual([]);
    expect(e.requests).toEqual([]);
    expect(await read(admin)).toEqual(before);
  });

  it('bad input is BAD_USER_INPUT before anything runs', async () => {
    const e = await emulator({ tls: 'valid' });
    const live = subscribe<Progress>(await socketFor(admin), LIVE, {
      input: { ewsUrl: e.url, roleAccount: e.credentials.username, secret: '' },
      participant: PARTICIPANT,
    });
    await live.done;
    expect((live.errors as Errors).map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(live.received).toEqual([]);
    expect(e.requests).toEqual([]);
  });
});
