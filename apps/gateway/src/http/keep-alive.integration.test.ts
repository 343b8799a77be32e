// Idle keep-alive sockets outlive a client's pause: a client that sends its next request on the socket it kept
// is served on that socket, instead of racing Node's default 5 s server timeout and getting "other side
// closed" (nodejs/undici#3141; it failed the 1,000 × 1,000 directory sync test in CI).
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useTestGateway } from '../../test/harness.js';

describe('keep-alive sockets', () => {
  const t = useTestGateway('pglite');

  it('serves the next request on the same socket after 6 s idle', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const health = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(new URL('/healthz', t().url), { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await health()).toEqual({ status: 200, reused: false });
      // Longer than Node's default keepAliveTimeout (5 s): that server would have closed the socket by now.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await health()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);
});
