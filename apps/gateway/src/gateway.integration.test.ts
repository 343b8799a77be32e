// The embedded default as the README shows it: in-memory PGlite, demo data, an admin token, the IDE.
import { describe, expect, it } from 'vitest';
import { gatewayConfig } from './env.js';
import { createGateway } from './gateway.js';

describe('createGateway with the demo organization', () => {
  it('runs the README example', async () => {
    const gateway = await createGateway(gatewayConfig({ graphiql: true }), { seedDemo: true });
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.demo?.adminToken}` },
        body: JSON.stringify({
          query: `{ connectionAlerts { erroredConnections disabledBookingPages }
                    bookingPages(first: 100) { totalCount edges { node { state } } } }`,
        }),
      });
      const { data } = (await response.json()) as {
        data: {
          connectionAlerts: { erroredConnections: number; disabledBookingPages: number };
          bookingPages: { totalCount: number; edges: { node: { state: string } }[] };
        };
      };
      expect(data.connectionAlerts.erroredConnections).toBeGreaterThan(0);
      const states = data.bookingPages.edges.map((edge) => edge.node.state);
      const disabled = states.filter((state) => state === 'DISABLED_CONNECTION_ERROR').length;
      expect(disabled).toBe(data.connectionAlerts.disabledBookingPages);
      // Disabled pages first, and the demo exercises every state.
      expect(states.slice(0, disabled).every((state) => state === 'DISABLED_CONNECTION_ERROR')).toBe(true);
      expect(new Set(states)).toEqual(new Set(['ACTIVE', 'DISABLED_CONNECTION_ERROR', 'INACTIVE']));
      // The IDE opens with the admin token in its headers.
      const ide = await (await fetch(new URL('/', gateway.url))).text();
      expect(ide).toContain(`Bearer ${gateway.demo?.adminToken}`);
    } finally {
      await gateway.stop();
    }
  });
});
