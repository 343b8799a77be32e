// Zoom test setup shared by the webhook and end-to-end suites: one Zoom emulator per test file (faults cleared
// before each test) and gateway options pointing the ZOOM adapter (no Retry-After waits) and the
// deauthorization webhook at it.
import { startZoomEmulator, type ZoomEmulator } from '@tsunagi/emulators';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createEmulatedProviderRegistry } from '../src/providers/adapters.js';
import type { StartOptions } from './harness.js';

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
