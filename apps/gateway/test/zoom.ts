// Zoom test setup shared by the webhook and end-to-end suites: one Zoom emulator per test file (faults cleared
// before each test) and gateway options pointing the ZOOM adapter (no Retry-After waits) and the
// deauthorization webhook at it.
import { startZoomEmulator, type ZoomEmulator, type ZoomEmulatorAccount } from '@tsunagi/emulators';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createEmulatedProviderRegistry } from '../src/providers/adapters.js';
import type { StartOptions, TestGateway } from './harness.js';
import { followConsent } from './oauth.js';
import type { PageView, World } from './world.js';

export function useZoomEmulator(): () => ZoomEmulator {
  let zoom: ZoomEmulator | undefined;
  beforeAll(async () => {
    zoom = await startZoomEmulator({ port: 0 });
  });
  afterAll(async () => {
    await zoom?.stop();
  });
  beforeEach(() => {
    zoom?.faults.clearAll();
  });
  return () => {
    if (zoom === undefined) throw new Error('The Zoom emulator is not running yet');
    return zoom;
  };
}

/** `useTestGateway` options: the ZOOM adapter on the emulator, and POST /webhooks/zoom with `secret`. */
export function zoomGateway(zoom: () => ZoomEmulator, secret: string): StartOptions {
  return {
    gateway: {
      zoomWebhookSecretToken: secret,
      providers: (dependencies) =>
        createEmulatedProviderRegistry({
          zoom: zoom(),
          clock: { now: () => Date.now(), sleep: async () => {} },
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
        })(dependencies),
    },
  };
}

/**
 * The owner's Zoom account created at the emulator and linked through connectAccount and the browser's consent,
 * and an ALL_MEMBERS page with a ZOOM location. With no calendar connection such a page is disabled only by no
 * usable location (the booking rules), so the owner's Zoom alone keeps it ACTIVE.
 */
export async function linkOwnerZoom(
  t: TestGateway,
  w: World<'owner'>,
  zoom: ZoomEmulator,
): Promise<{ account: ZoomEmulatorAccount; zoomId: string; page: PageView }> {
  const user = await t.handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, w.users.owner) });
  const account = zoom.accounts.create({ email: user?.email ?? '' });
  const started = await w.run<{ connectAccount: { authorizationUrl: string } }>(
    'owner',
    'mutation { connectAccount(provider: ZOOM) { authorizationUrl } }',
  );
  const done = await followConsent(started.connectAccount.authorizationUrl);
  expect(done).toMatchObject({ status: 'connected', provider: 'ZOOM' });
  const page = await w.createPage('owner', {
    title: 'Zoom consult',
    mode: 'ALL_MEMBERS',
    locations: [{ type: 'ZOOM' }],
  });
  expect(page).toMatchObject({ state: 'ACTIVE', acceptingBookings: true, reasons: [] });
  return { account, zoomId: String(done.connectionId), page };
}
