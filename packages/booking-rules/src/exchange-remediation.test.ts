// EXCHANGE calendars have no per-user OAuth (startReconnect refuses them with NOT_OAUTH): their plan offers the
// administrator's fix of the organization's Interop settings, naming the failing check, and never RECONNECT.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_PERFORMER,
  applyRemediation,
  evaluateAll,
  evaluateBookingPage,
  type RemediationAction,
} from './index.js';
import { bookingPage, checkPlanLaws, connection, worldArbitrary } from './testing/index.js';

const actionsOf = (plan: ReturnType<typeof evaluateBookingPage>['plan']) =>
  plan.flatMap((step) => step.options.flatMap((option) => option.actions));

describe('an errored EXCHANGE calendar', () => {
  const sslError = { ...connection('ex', 'ben', 'EXCHANGE', 'ERROR'), errorSubReason: 'INTEROP_SSL_ERROR' };

  it('is fixed by the admin through the Interop settings, named by its failing check', () => {
    const page = bookingPage({ memberIds: ['ada', 'ben'] });
    const world = [connection('g', 'ada', 'GOOGLE_CALENDAR'), sslError];
    const evaluation = evaluateBookingPage(page, world);
    expect(evaluation.state).toBe('DISABLED_CONNECTION_ERROR');
    expect(evaluation.plan).toEqual([
      {
        goal: 'CLEAR_CALENDAR_ERROR',
        connectionId: 'ex',
        options: [
          {
            actions: [
              {
                kind: 'FIX_INTEROP_SETTINGS',
                connectionId: 'ex',
                userId: 'ben',
                provider: 'EXCHANGE',
                check: 'INTEROP_SSL_ERROR',
              },
            ],
          },
          { actions: [{ kind: 'UNLINK', connectionId: 'ex', userId: 'ben', provider: 'EXCHANGE' }] },
        ],
      },
    ]);
    expect(ACTION_PERFORMER.FIX_INTEROP_SETTINGS).toBe('ORGANIZATION_ADMIN');
    // Applying the fix: the Exchange connection is CONNECTED once the settings pass, and the page takes bookings.
    const fix = evaluation.plan[0]!.options[0]!.actions;
    const after = applyRemediation(page, world, fix);
    expect(after.connections.find((c) => c.id === 'ex')?.status).toBe('CONNECTED');
    expect(evaluateBookingPage(after.page, after.connections).state).toBe('ACTIVE');
    expect(checkPlanLaws(page, world)).toEqual([]);
  });

  it('without a sub-reason still gets the settings fix, with no check named', () => {
    const page = bookingPage({ memberIds: ['ben'], mode: 'ANY_MEMBER' });
    const world = [connection('ex', 'ben', 'EXCHANGE', 'ERROR')];
    const [fix] = actionsOf(evaluateBookingPage(page, world).plan);
    expect(fix).toEqual({
      kind: 'FIX_INTEROP_SETTINGS',
      connectionId: 'ex',
      userId: 'ben',
      provider: 'EXCHANGE',
    });
  });

  it('cannot be RECONNECTed in the law harness, nor can an OAuth account be fixed through Interop settings', () => {
    const page = bookingPage({ memberIds: ['ben'] });
    const reconnect: RemediationAction = { kind: 'RECONNECT', connectionId: 'ex' };
    expect(() => applyRemediation(page, [sslError], [reconnect])).toThrow(
      /RECONNECT cannot restore a EXCHANGE/,
    );
    const google = connection('g', 'ben', 'GOOGLE_CALENDAR', 'ERROR');
    const interop: RemediationAction = { kind: 'FIX_INTEROP_SETTINGS', connectionId: 'g' };
    expect(() => applyRemediation(page, [google], [interop])).toThrow(/FIX_INTEROP_SETTINGS cannot restore/);
  });

  it('no plan on any world offers an action its connection refuses (RECONNECT on EXCHANGE)', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        const byId = new Map(world.connections.map((c) => [c.id, c]));
        for (const evaluation of evaluateAll(world.pages, world.connections)) {
          for (const action of actionsOf(evaluation.plan)) {
            const target = action.connectionId === undefined ? undefined : byId.get(action.connectionId);
            if (target?.provider === 'EXCHANGE') expect(action.kind).not.toBe('RECONNECT');
            if (action.kind === 'FIX_INTEROP_SETTINGS') expect(target?.provider).toBe('EXCHANGE');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
