// Issue 9 §6 as a user meets it through GraphQL: an EXCHANGE calendar's plan is the admin's Interop settings fix,
// changeOwner to a non-member makes them a member, reasons and warnings are localized, events are facts.
import { classifyProviderError } from '@tsunagi/errors';
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';

/** Google Calendar Interop's "SSL error" status (seeds/calendar-interop-errors.it.txt), classified. */
const INTEROP_SSL_ERROR = classifyProviderError({ provider: 'google-interop', body: 'SSL error' });

const PLAN = /* GraphQL */ `
  query Plan($id: ID!, $locale: Locale) {
    bookingPage(id: $id) {
      state
      reasons { kind message(locale: $locale) }
      warnings { kind message(locale: $locale) }
      remediation {
        goal
        options { actions { kind performedBy check provider connection { id } user { id } } }
      }
    }
  }
`;

interface PlanView {
  bookingPage: {
    state: string;
    reasons: { kind: string; message: string }[];
    warnings: { kind: string; message: string }[];
    remediation: {
      goal: string;
      options: {
        actions: {
          kind: string;
          performedBy: string;
          check: string | null;
          provider: string | null;
          connection: { id: string } | null;
          user: { id: string } | null;
        }[];
      }[];
    }[];
  };
}

describeEachDriver('issue 9 §6 through GraphQL (%s)', (driver) => {
  const t = useTestGateway(driver);

  it('offers the admin’s Interop settings fix for an errored EXCHANGE calendar, never RECONNECT', async () => {
    expect(INTEROP_SSL_ERROR.subReason).toBe('INTEROP_SSL_ERROR');
    const w = await World.create(t(), ['ben']);
    const exchange = await w.link('ben', 'EXCHANGE');
    const page = await w.createPage('ben', { title: 'Ben on Exchange' });
    await w.fail(exchange, INTEROP_SSL_ERROR);
    const { bookingPage } = await w.run<PlanView>('ben', PLAN, { id: page.id });
    expect(bookingPage.state).toBe('DISABLED_CONNECTION_ERROR');
    expect(bookingPage.remediation).toEqual([
      {
        goal: 'CLEAR_CALENDAR_ERROR',
        options: [
          {
            actions: [
              {
                kind: 'FIX_INTEROP_SETTINGS',
                performedBy: 'ORGANIZATION_ADMIN',
                check: 'INTEROP_SSL_ERROR',
                provider: 'EXCHANGE',
                connection: { id: exchange },
                user: { id: w.users.ben },
              },
            ],
          },
          {
            actions: [
              {
                kind: 'UNLINK',
                performedBy: 'CONNECTION_OWNER',
                check: null,
                provider: 'EXCHANGE',
                connection: { id: exchange },
                user: { id: w.users.ben },
              },
            ],
          },
        ],
      },
    ]);
    // Performing it: once the settings pass, the probe records the Exchange calendar CONNECTED again.
    await w.reconnect(exchange);
    expect((await w.run<PlanView>('ben', PLAN, { id: page.id })).bookingPage.state).toBe('ACTIVE');
  });

  it('gives reasons and warnings in the asked locale', async () => {
    const w = await World.create(t(), ['ada', 'ben']);
    await w.link('ada', 'GOOGLE_CALENDAR');
    const calendar = await w.link('ben', 'GOOGLE_CALENDAR');
    const all = await w.createPage('ada', { title: 'Both', memberIds: [w.users.ada, w.users.ben] });
    const any = await w.createPage('ada', {
      title: 'Either',
      mode: 'ANY_MEMBER',
      memberIds: [w.users.ada, w.users.ben],
    });
    await w.fail(calendar);
    const ja = await w.run<PlanView>('ada', PLAN, { id: all.id, locale: 'JA' });
    expect(ja.bookingPage.reasons).toEqual([
      {
        kind: 'MEMBER_CALENDAR_ERROR',
        message: 'メンバーのカレンダー連携でエラーが発生しているため、予定の空き状況を取得できません。',
      },
    ]);
    const en = await w.run<PlanView>('ada', PLAN, { id: all.id });
    expect(en.bookingPage.reasons[0]?.message).toMatch(/^A member's calendar connection has an error/);
    const pl = await w.run<PlanView>('ada', PLAN, { id: any.id, locale: 'PL' });
    expect(pl.bookingPage.warnings).toEqual([
      { kind: 'HOSTS_UNAVAILABLE', message: '1 z 2 prowadzących niedostępnych' },
    ]);
    const it = await w.run<PlanView>('ada', PLAN, { id: any.id, locale: 'IT' });
    expect(it.bookingPage.warnings[0]?.message).toBe('1 host su 2 non disponibili');
  });

  it('changeOwner to a non-member makes them a member, and the event says so', async () => {
    const w = await World.create(t(), ['admin', 'ada', 'cy'], { admin: 'ADMIN' });
    const page = await w.createPage('ada', { title: 'Solo' });
    expect(page.members.map((m) => m.id)).toEqual([w.users.ada]);
    const changed = await w.mutatePage(
      'admin',
      'mutation Owner($id: ID!, $user: ID!) { changeOwner(pageId: $id, userId: $user) { ...PageFields } }',
      { id: page.id, user: w.users.cy },
    );
    expect(changed.owner).toEqual({ id: w.users.cy });
    expect(changed.members.map((m) => m.id)).toEqual([w.users.ada, w.users.cy]);
    // The new owner sees the page as theirs.
    expect((await w.page('cy', page.id)).owner).toEqual({ id: w.users.cy });
    const { events } = await w.run<{
      events: {
        edges: { node: { type: string; page: { id: string } | null; payload: Record<string, unknown> } }[];
      };
    }>('admin', '{ events(first: 500) { edges { node { type page { id } payload } } } }');
    const updated = events.edges
      .map((edge) => edge.node)
      .filter((event) => event.type === 'BOOKING_PAGE_UPDATED' && event.page?.id === page.id);
    expect(updated.at(-1)?.payload).toMatchObject({
      fields: ['ownerId', 'memberIds'],
      cause: 'changeOwner',
      previousOwnerId: w.users.ada,
      addedMemberIds: [w.users.cy],
    });
  });

  it('events are facts: they keep the connection and page as they were when they happened', async () => {
    const w = await World.create(t(), ['admin', 'ada'], { admin: 'ADMIN' });
    const calendar = await w.link('ada', 'GOOGLE_CALENDAR');
    const page = await w.createPage('ada', { title: 'Facts' });
    await w.fail(calendar);
    // Later, the connection comes back and the page with it: the event still tells what was true then.
    await w.reconnect(calendar);
    const EVENTS = /* GraphQL */ `
      {
        events(first: 500) {
          edges {
            node {
              type
              connection { id status }
              connectionState { status health lastError { code subReason title(locale: JA) } }
              page { id state }
              pageState { state acceptingBookings enabled }
            }
          }
        }
      }
    `;
    interface EventView {
      type: string;
      connection: { id: string; status: string } | null;
      connectionState: {
        status: string;
        health: string;
        lastError: { code: string; title: string } | null;
      } | null;
      page: { id: string; state: string } | null;
      pageState: { state: string; acceptingBookings: boolean; enabled: boolean } | null;
    }
    const { events } = await w.run<{ events: { edges: { node: EventView }[] } }>('admin', EVENTS);
    const nodes = events.edges.map((edge) => edge.node);
    const broke = nodes.find(
      (event) => event.type === 'CONNECTION_STATUS_CHANGED' && event.connection?.id === calendar,
    );
    expect(broke?.connection?.status).toBe('CONNECTED');
    expect(broke?.connectionState).toMatchObject({
      status: 'ERROR',
      health: 'BROKEN',
      lastError: { code: 'AUTH_REVOKED' },
    });
    expect(broke?.connectionState?.lastError?.title).not.toBe('');
    const disabled = nodes.find(
      (event) => event.type === 'BOOKING_PAGE_STATE_CHANGED' && event.page?.id === page.id,
    );
    expect(disabled?.page?.state).toBe('ACTIVE');
    expect(disabled?.pageState).toEqual({
      state: 'DISABLED_CONNECTION_ERROR',
      acceptingBookings: false,
      enabled: true,
    });
    const back = nodes.filter(
      (event) => event.type === 'CONNECTION_STATUS_CHANGED' && event.connection?.id === calendar,
    );
    expect(back.map((event) => event.connectionState?.status)).toEqual(['ERROR', 'CONNECTED']);
    expect(back.at(-1)?.connectionState?.lastError).toBeNull();
  });
});
