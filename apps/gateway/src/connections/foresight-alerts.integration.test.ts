// Breakage predicted through GraphQL: an AT_RISK connection shows when and why it breaks, and the banner counts
// at-risk connections with the soonest break.
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway, value } from '../../test/harness.js';
import { World } from '../../test/world.js';

describeEachDriver('connectionAlerts with predictions (%s)', (driver) => {
  const t = useTestGateway(driver);

  it('counts at-risk connections and gives the earliest breaksAt', async () => {
    const w = await World.create(t(), ['admin', 'ada'], { admin: 'ADMIN' });
    const calendar = await w.link('ada', 'GOOGLE_CALENDAR');
    const breaksAt = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
    value(
      await t().state.recordProbeResult({ organizationId: w.organizationId, role: 'SYSTEM' }, calendar, {
        ok: true,
        atRisk: {
          code: 'AUTH_EXPIRED',
          action: 'REAUTHORIZE',
          retryable: false,
          connectionBroken: false,
          message: 'The grant expires',
        },
        foresight: { breaksAt, reason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY' },
      }),
    );
    const data = await w.run<{
      connectionAlerts: {
        atRiskConnections: number;
        earliestBreaksAt: string | null;
        erroredConnections: number;
      };
      connection: { health: string; breaksAt: string | null; atRiskReason: string | null };
    }>(
      'admin',
      'query Q($id: ID!) { connectionAlerts { erroredConnections atRiskConnections earliestBreaksAt } connection(id: $id) { health breaksAt atRiskReason } }',
      { id: calendar },
    );
    expect(data.connectionAlerts).toEqual({
      erroredConnections: 0,
      atRiskConnections: 1,
      earliestBreaksAt: breaksAt.toISOString(),
    });
    expect(data.connection).toEqual({
      health: 'AT_RISK',
      breaksAt: breaksAt.toISOString(),
      atRiskReason: 'GOOGLE_TESTING_APP_GRANT_EXPIRY',
    });
  });
});
