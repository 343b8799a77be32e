// OpenTelemetry end to end: a real gateway (PGlite and Postgres) exporting over OTLP/HTTP to a real receiver
// on loopback. A GraphQL request is one trace (HTTP → resolver → SQL), a probe against the Google emulator
// another (probe → provider request → SQL); no exported byte carries a token, an e-mail or a query string;
// without an endpoint nothing is sent; /metrics is served either way.
import { metrics, trace } from '@opentelemetry/api';
import { type GoogleEmulator, startGoogleEmulator } from '@tsunagi/emulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDriver, type TestGateway, useTestGateway } from '../../test/harness.js';
import { followConsent } from '../../test/oauth.js';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '../../test/otlp-receiver.js';
import { World } from '../../test/world.js';
import { registryProbe } from '../probes/runner.js';
import { listProbeTargets } from '../probes/targets.js';
import { AdapterProviderRegistry } from '../providers/adapter-registry.js';
import { createEmulatedProviderRegistry, type ProviderRegistryFactory } from '../providers/adapters.js';
import { signalUrl, TELEMETRY_OFF } from './config.js';

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;

let google: GoogleEmulator;
let receiver: OtlpReceiver;

beforeAll(async () => {
  [google, receiver] = await Promise.all([startGoogleEmulator({ port: 0 }), startOtlpReceiver()]);
});

afterAll(async () => {
  await Promise.all([google?.stop(), receiver?.stop()]);
});

beforeEach(() => receiver.clear());

const emulated = (): ProviderRegistryFactory => (dependencies) =>
  createEmulatedProviderRegistry({ google })(dependencies);

/** The span and every span below it, by parent links. */
function descendants(spans: readonly ReceivedSpan[], root: ReceivedSpan): ReceivedSpan[] {
  const below = spans.filter((span) => span.parentSpanId === root.spanId);
  return below.flatMap((span) => [span, ...descendants(spans, span)]);
}

function only(spans: readonly ReceivedSpan[], predicate: (span: ReceivedSpan) => boolean): ReceivedSpan {
  const found = spans.filter(predicate);
  expect(found, `spans: ${spans.map((span) => span.name).join(', ')}`).toHaveLength(1);
  return found[0] as ReceivedSpan;
}

/** Exported attribute values and bodies must not carry any of these. */
function expectNothingSecret(secrets: readonly string[]) {
  for (const body of receiver.bodies) {
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(body.toLowerCase()).not.toContain('bearer ');
    expect(body.toLowerCase()).not.toContain('authorization');
  }
  for (const span of receiver.spans) {
    for (const [key, value] of Object.entries(span.attributes)) {
      expect(key).not.toMatch(/param|token|header|password|secret/i);
      if (typeof value === 'string' && /^https?:/.test(value)) expect(value).not.toContain('?');
    }
  }
}

describeEachDriver('OpenTelemetry export (%s)', (driver) => {
  const t = useTestGateway(driver, {
    gateway: { providers: emulated() },
    config: {
      telemetry: {
        ...TELEMETRY_OFF,
        // Filled in before the gateway starts (the receiver's port is known by then).
        get tracesUrl() {
          return signalUrl(receiver.endpoint, 'traces');
        },
        get metricsUrl() {
          return signalUrl(receiver.endpoint, 'metrics');
        },
        // Exported when the test flushes, not on a timer.
        metricExportIntervalMs: 3_600_000,
      },
    },
  });

  async function flushed(): Promise<void> {
    await t().gateway.telemetry?.flush();
  }

  it('makes one trace of a GraphQL request: HTTP → resolver → SQL, with nothing secret in it', async () => {
    const w = await World.create(t(), ['aiko'], { aiko: 'ADMIN' });
    await w.createPage('aiko', { title: 'Traced page' });
    const token = await t().token(w.caller('aiko'));
    await flushed();
    receiver.clear();
    const response = await t().graphql<{ bookingPages: { edges: unknown[] } }>(
      'query Dashboard { bookingPages(first: 5) { edges { node { id title state } } } }',
      { token },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.bookingPages.edges).toHaveLength(1);
    await flushed();

    const http = only(
      receiver.spans,
      (span) => span.kind === SPAN_KIND_SERVER && span.name === 'POST /graphql',
    );
    expect(http.parentSpanId).toBeNull();
    expect(http.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/graphql',
      'http.response.status_code': 200,
    });
    expect(http.resource['service.name']).toBe('tsunagi-gateway');
    const trace = receiver.spans.filter((span) => span.traceId === http.traceId);
    expect(descendants(receiver.spans, http)).toHaveLength(trace.length - 1);
    const resolver = only(trace, (span) => span.name === 'graphql.resolve Query.bookingPages');
    expect(resolver.parentSpanId).toBe(http.spanId);
    expect(resolver.attributes).toMatchObject({ 'graphql.operation.name': 'Dashboard' });
    const sql = descendants(trace, resolver).filter((span) => span.scope === '@tsunagi/db');
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) {
      expect(statement.kind).toBe(SPAN_KIND_CLIENT);
      expect(statement.attributes['db.system.name']).toBe('postgresql');
      expect(String(statement.attributes['db.query.text'])).toMatch(/^\s*(select|with)/i);
    }
    expectNothingSecret([token]);
  });

  it('makes one trace of a probe: probe → provider request → SQL', async () => {
    const w = await World.create(t(), ['kenji'], { kenji: 'ADMIN' });
    const user = await t().handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.kenji) });
    const email = user?.email ?? '';
    const account = google.accounts.create({ email });
    const data = await w.run<{ connectAccount: { authorizationUrl: string } }>(
      'kenji',
      'mutation { connectAccount(provider: GOOGLE_CALENDAR) { authorizationUrl } }',
    );
    const done = await followConsent(data.connectAccount.authorizationUrl);
    const connectionId = String(done.connectionId);
    const registry = t().gateway.services.providers;
    if (!(registry instanceof AdapterProviderRegistry)) throw new Error('expected the adapter registry');
    const [target] = (await listProbeTargets(t().handle.db, registry.providers())).filter(
      (candidate) => candidate.id === connectionId,
    );
    if (target === undefined) throw new Error('the linked connection is not a probe target');
    await flushed();
    receiver.clear();
    await registryProbe(registry)(target);
    await flushed();

    const probe = only(receiver.spans, (span) => span.name === 'probe GOOGLE_CALENDAR');
    expect(probe.parentSpanId).toBeNull();
    expect(probe.attributes).toMatchObject({
      'tsunagi.connection.id': connectionId,
      'tsunagi.organization.id': w.organizationId,
      'tsunagi.outcome': 'ok',
    });
    const below = descendants(receiver.spans, probe);
    const calls = below.filter((span) => span.name === 'provider.request GOOGLE_CALENDAR');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]?.kind).toBe(SPAN_KIND_CLIENT);
    expect(calls[0]?.attributes).toMatchObject({ 'tsunagi.outcome': 'ok', 'tsunagi.provider.attempt': 1 });
    // Recording the result: the connection row is updated in the probe's trace (a healthy probe through the
    // recorder's shared UPDATE, which runs in the context of the first probe that queued it).
    expect(
      below.some(
        (span) =>
          span.scope === '@tsunagi/db' &&
          /update "?connections"?/i.test(String(span.attributes['db.query.text'])),
      ),
    ).toBe(true);
    expectNothingSecret([email, account.email]);

    // The same flush carried the probe's and the provider's timings.
    const names = new Set(receiver.points.map((point) => point.metric));
    for (const metric of [
      'tsunagi.probe.duration',
      'tsunagi.provider.request.duration',
      'db.client.operation.duration',
    ])
      expect(names).toContain(metric);
  });

  it("exports each organization's health figures as gauges", async () => {
    const w = await World.create(t(), ['mei'], { mei: 'ADMIN' });
    const connectionId = await w.link('mei', 'GOOGLE_CALENDAR');
    await w.createPage('mei', { title: 'Mei page' });
    await w.fail(connectionId);
    await flushed();
    receiver.clear();
    await flushed();
    const ours = (metric: string) =>
      receiver.points.filter(
        (point) =>
          point.metric === metric && point.attributes['tsunagi.organization.id'] === w.organizationId,
      );
    expect(ours('tsunagi.health.breaks').map((point) => point.value)).toEqual([1]);
    expect(ours('tsunagi.health.breaks.unresolved').map((point) => point.value)).toEqual([1]);
    expect(ours('tsunagi.health.detection.duration').map((point) => point.value)).toEqual([0]);
    expect(ours('tsunagi.health.reconnect.duration')).toEqual([]);
    const [disabled] = ours('tsunagi.health.pages_disabled');
    expect(disabled?.value).toBeGreaterThan(0);
    expect(disabled?.attributes['tsunagi.window']).toBe('24h');
  });

  it('still serves /metrics (Prometheus) beside the OTLP export', async () => {
    const response = await fetch(new URL('/metrics', t().url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('tsunagi_graphql_operation_duration_seconds');
  });
});

describe('OpenTelemetry not configured (pglite)', () => {
  const t = useTestGateway('pglite', { gateway: { providers: emulated() } });

  it('registers no SDK and sends nothing, and /metrics still works', async () => {
    const gateway: TestGateway = t();
    expect(gateway.gateway.telemetry).toBeNull();
    const w = await World.create(gateway, ['aiko'], { aiko: 'ADMIN' });
    await w.createPage('aiko', { title: 'Untraced page' });
    await w.run('aiko', '{ bookingPages(first: 5) { edges { node { id } } } }');
    // No SDK: the API hands out non-recording spans, the libraries' instruments are no-ops.
    expect(trace.getTracer('probe').startSpan('x').isRecording()).toBe(false);
    expect(metrics.getMeterProvider().constructor.name).toMatch(/Noop/);
    const response = await fetch(new URL('/metrics', gateway.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('tsunagi_graphql_operation_duration_seconds');
    await gateway.gateway.stop();
    // Stopped: anything buffered would have been flushed by now.
    expect(receiver.requests).toEqual([]);
  });
});
