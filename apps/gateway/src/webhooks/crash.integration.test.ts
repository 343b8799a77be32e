// Nothing lost, nothing twice (issue 12 §4) for webhooks: a real gateway process is killed with SIGKILL while
// its deliveries are in flight (the receiver has them but has not answered), a new process starts on the same
// database, and the receiver ends up with every event of the log exactly once after de-duplicating by
// `webhook-id`, on Postgres and on a PGlite data directory.
import { createOrganization, createUser, type DriverName } from '@tsunagi/db';
import { DEFAULT_DELIVERY_POLICY } from '@tsunagi/webhooks';
import { WebhookReceiver } from '@tsunagi/webhooks/testing';
import { afterAll, expect, it } from 'vitest';
import {
  type GatewayProcess,
  graphqlAt,
  processDatabase,
  startGatewayProcess,
  until,
} from '../../test/gateway-process.js';
import { describeEachDriver } from '../../test/harness.js';
import { mintToken } from '../auth/token.js';
import { type EmbeddableGatewayConfig, generateCredentialsKeys, generateJwtSecret } from '../env.js';
import { DEFAULT_WEBHOOK_CONFIG } from './config.js';

const STARTUP_MS = 120_000;

const CREATE_PAGE = 'mutation P($title: String!) { createBookingPage(input: { title: $title }) { id } }';

describeEachDriver('webhook delivery across a gateway crash (%s)', (driver: DriverName) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  /** A database holding one organization with an admin, and the gateway configuration to serve it. */
  async function prepare() {
    const { open, config: database } = await processDatabase(driver, 'tsunagi-hooks-crash', cleanups);
    // Set up, then let go: a PGlite directory is the gateway's alone while it runs.
    const handle = open();
    await handle.migrate();
    const organization = await createOrganization(handle.db, { name: 'Crash', slug: 'crash' });
    const admin = await createUser(handle.db, {
      organizationId: organization.id,
      name: 'Admin',
      email: 'admin@example.test',
      role: 'ADMIN',
    });
    await handle.close();
    const jwt = { secret: generateJwtSecret(), issuer: 'tsunagi', audience: 'tsunagi-gateway' };
    const config: Partial<EmbeddableGatewayConfig> = {
      ...database,
      jwt,
      credentialsKeys: generateCredentialsKeys(),
      webhooks: {
        ...DEFAULT_WEBHOOK_CONFIG,
        allowPrivateTargets: true,
        sweepMs: 100,
        // A lease of 3 s: what a dead process held is sent again soon after the restart.
        policy: { ...DEFAULT_DELIVERY_POLICY, initialDelayMs: 50, maxDelayMs: 200, timeoutMs: 1_000 },
      },
    };
    const token = await mintToken({
      ...jwt,
      userId: admin.id,
      organizationId: organization.id,
      role: 'ADMIN',
    });
    return { config, token };
  }

  it(
    'delivers every event exactly once after de-duplication when the gateway is killed mid-delivery',
    async () => {
      const { config, token } = await prepare();
      const receiver = await WebhookReceiver.start();
      cleanups.push(() => receiver.close());
      const processes: GatewayProcess[] = [];
      cleanups.push(async () => {
        for (const gateway of processes) if (gateway.exit() === null) gateway.child.kill('SIGKILL');
      });

      const first = await startGatewayProcess(config);
      processes.push(first);
      const created = await graphqlAt<{ createWebhookEndpoint: { secret: string } }>(
        first.url,
        token,
        'mutation C($url: String!) { createWebhookEndpoint(input: { url: $url }) { secret } }',
        { url: receiver.url },
      );
      receiver.secrets = [created.createWebhookEndpoint.secret];

      // The receiver takes the requests and holds its answers: the first process dies with them in flight.
      receiver.hold();
      for (let i = 0; i < 6; i++) await graphqlAt(first.url, token, CREATE_PAGE, { title: `Before ${i}` });
      await receiver.waitFor(3);
      first.child.kill('SIGKILL');
      await until(() => first.exit() !== null, 'the first process to die');
      expect(first.exit()?.signal).toBe('SIGKILL');
      const inFlight = receiver.received.length;
      receiver.release();

      const second = await startGatewayProcess(config);
      processes.push(second);
      for (let i = 0; i < 3; i++) await graphqlAt(second.url, token, CREATE_PAGE, { title: `After ${i}` });
      const log = await graphqlAt<{ events: { edges: { cursor: string }[] } }>(
        second.url,
        token,
        '{ events(first: 500) { edges { cursor } } }',
      );
      const expected = log.events.edges.map((edge) => Number(edge.cursor));
      expect(expected.length).toBeGreaterThanOrEqual(9);

      await until(() => receiver.uniqueIds().length >= expected.length, 'every event at the receiver');
      const verified = receiver.received.filter((entry) => entry.verified);
      expect(verified).toHaveLength(receiver.received.length);
      // De-duplicated by webhook-id: each id carries one event, and each event arrived under one id.
      const eventOf = new Map<string, number>();
      for (const entry of verified) {
        const eventId = (JSON.parse(entry.body) as { data: { eventId: number } }).data.eventId;
        expect(eventOf.get(entry.id) ?? eventId).toBe(eventId);
        eventOf.set(entry.id, eventId);
      }
      expect([...eventOf.values()].sort((a, b) => a - b)).toEqual(expected);
      // What the first process had in flight was sent again (at least once), under the same ids.
      expect(receiver.received.length).toBeGreaterThan(expected.length);
      expect(inFlight).toBeGreaterThanOrEqual(3);

      await second.stop();
      expect(second.exit()).toMatchObject({ code: 0 });
    },
    3 * STARTUP_MS,
  );
});
