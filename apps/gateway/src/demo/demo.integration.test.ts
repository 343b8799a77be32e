// The embedded demo tells the truth: every connection the seed left failing or at risk fails the same way when
// probed against its emulator, so the first scheduled probe changes nothing a person sees. And the banner's
// "break a connection" example, run as printed, breaks one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedGateway, startEmbedded } from '../embedded.js';
import { gatewayConfig } from '../env.js';
import { demoProviderLines } from './banner.js';

let embedded: EmbeddedGateway;
/** Every demo connection's state as seeded, before any test probes one. */
let seeded: Awaited<ReturnType<typeof demoConnections>>;

beforeAll(async () => {
  embedded = await startEmbedded({ config: gatewayConfig() });
  seeded = await demoConnections();
}, 120_000);

afterAll(async () => {
  await embedded?.stop();
});

async function demoConnections() {
  const { demo } = embedded.gateway;
  return embedded.gateway.database.db.query.connections.findMany({
    where: (t, { inArray }) => inArray(t.organizationId, [demo.organizationId, demo.otherOrganizationId]),
    orderBy: (t, { asc }) => [asc(t.createdAt), asc(t.id)],
  });
}

type Row = Awaited<ReturnType<typeof demoConnections>>[number];

/** What a person sees of a connection's trouble. */
const seen = (row: Row) => ({
  status: row.status,
  health: row.health,
  code: row.lastError?.code ?? null,
  subReason: row.lastError?.subReason ?? null,
  connectionBroken: row.lastError?.connectionBroken ?? null,
});

const check = (row: Row) =>
  embedded.gateway.services.providers.checkConnection({
    organizationId: row.organizationId,
    connectionId: row.id,
    provider: row.provider,
  });

describe('seeded demo errors', () => {
  it('are what a probe against the emulators records: probing each leaves it as seeded', async () => {
    const troubled = seeded.filter(
      (row) => row.status === 'ERROR' || row.health !== 'HEALTHY' || row.lastError !== null,
    );
    // Revoked grants, a missing Teams scope, Exchange TLS and mailbox failures, a Zoom outage, a read-only grant.
    expect(troubled.length).toBeGreaterThanOrEqual(7);
    const drift: unknown[] = [];
    for (const row of troubled) {
      const before = seen(row);
      expect((await check(row)).ok).toBe(true);
      const [after] = (await demoConnections()).filter((r) => r.id === row.id);
      if (JSON.stringify(seen(after!)) !== JSON.stringify(before)) {
        drift.push({
          provider: row.provider,
          account: row.accountEmail,
          seeded: before,
          probed: seen(after!),
        });
      }
    }
    expect(drift).toEqual([]);
  }, 120_000);

  it('the seeded Zoom outage is one probe long: the next finds Zoom back', async () => {
    const degraded = seeded.find((row) => row.health === 'DEGRADED');
    expect(degraded?.provider).toBe('ZOOM');
    await check(degraded!);
    expect((await check(degraded!)).ok).toBe(true);
    const [after] = (await demoConnections()).filter((row) => row.id === degraded!.id);
    expect(seen(after!)).toEqual({
      status: 'CONNECTED',
      health: 'HEALTHY',
      code: null,
      subReason: null,
      connectionBroken: null,
    });
  }, 60_000);

  it('show every state the pages react to', async () => {
    const states = new Set(seeded.map((row) => `${row.status}/${row.health}`));
    expect([...states].sort()).toEqual([
      'CONNECTED/AT_RISK',
      'CONNECTED/DEGRADED',
      'CONNECTED/HEALTHY',
      'ERROR/BROKEN',
    ]);
  });
});

describe('the banner', () => {
  it('prints the fault control URLs and a curl that breaks a healthy demo Google connection', async () => {
    const lines = demoProviderLines(embedded);
    const { google, microsoft, zoom } = embedded.emulators;
    const text = lines.join('\n');
    for (const emulator of [google, microsoft, zoom]) {
      expect(text).toContain(`${emulator.url}/_control/accounts/<id or email>/faults`);
    }
    const curl = lines.find((line) => line.trim().startsWith('curl '));
    expect(curl).toBeDefined();
    const printed = /^\s*curl -X POST (\S+) -H 'content-type: application\/json' -d '(\{[^']*\})'\s*$/.exec(
      curl!,
    );
    expect(printed, curl).not.toBeNull();
    const [, url, body] = printed!;
    const email = decodeURIComponent(/\/_control\/accounts\/([^/]+)\/faults$/.exec(url!)![1]!);

    const target = (await demoConnections()).find(
      (row) => row.provider === 'GOOGLE_CALENDAR' && row.accountEmail === email,
    );
    expect(target && seen(target)).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY' });

    // Run what the banner says, as curl would.
    const response = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body!,
    });
    expect(response.status).toBe(204);
    expect((await check(target!)).ok).toBe(true);
    const [after] = (await demoConnections()).filter((row) => row.id === target!.id);
    expect(seen(after!)).toMatchObject({ status: 'ERROR', code: 'AUTH_REVOKED' });
  }, 60_000);
});
