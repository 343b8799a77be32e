// Every relation goes through a per-request DataLoader: the number of SQL round trips a list query costs
// does not grow with the number of pages listed. Counted with the driver's query logger. And the list screen's
// relations are answered from rows the request already holds, without a promise per field: counted with an
// async hook.
import { createHook } from 'node:async_hooks';
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../test/harness.js';
import { World } from '../test/world.js';

const DASHBOARD = /* GraphQL */ `
  query Dashboard($first: Int!) {
    viewer { id name connections { id provider status } }
    connectionAlerts { erroredConnections disabledBookingPages }
    bookingPages(first: $first) {
      totalCount
      edges {
        cursor
        node {
          id title state acceptingBookings
          owner { id name connections { id status lastError { code title(locale: JA) } } }
          members { id name }
          locations { id type usable }
          reasons { kind user { id name } connections { id provider status affectedBookingPages { id } } }
          remediation { goal options { host { id } actions { kind provider connection { id status } user { id name } } } }
          eligibleHosts { id name }
          warnings { kind message users { id } }
        }
      }
    }
  }
`;

// The console's list screen: every relation on it reads users and connections the request prefetched.
const LIST_SCREEN = /* GraphQL */ `
  query List($first: Int!) {
    bookingPages(first: $first) {
      edges {
        node {
          id title state
          owner { id name }
          members { id name }
          eligibleHosts { id }
          reasons { kind message(locale: JA) user { id name } connections { id provider status lastError { code } } }
          remediation { goal options { host { id } actions { kind connection { id status } user { id } } } }
          warnings { kind users { id } }
        }
      }
    }
  }
`;

describeEachDriver('DataLoader batching (%s)', (driver) => {
  const t = useTestGateway(driver);

  async function pagesWithErrors() {
    const names = ['admin', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'] as const;
    const w = await World.create(t(), names, { admin: 'ADMIN' });
    const calendars: string[] = [];
    for (const name of names) {
      calendars.push(await w.link(name, 'GOOGLE_CALENDAR'));
      await w.link(name, 'ZOOM');
    }
    for (let i = 0; i < 12; i++) {
      const owner = names[(i % 6) + 1] as (typeof names)[number];
      const other = names[((i + 1) % 6) + 1] as (typeof names)[number];
      await w.createPage(owner, {
        title: `Page ${String(i).padStart(2, '0')}`,
        mode: i % 2 === 0 ? 'ALL_MEMBERS' : 'ANY_MEMBER',
        memberIds: [w.users[owner], w.users[other], w.users.admin],
        locations: [{ type: 'ZOOM' }],
      });
    }
    // Errors give the list reasons, plans and warnings to resolve.
    await w.fail(calendars[1] as string);
    await w.fail(calendars[4] as string);
    return w;
  }

  it('a booking page list costs no more SQL round trips for 12 pages than for 2', async () => {
    const w = await pagesWithErrors();

    const roundTrips = async (first: number) => {
      t().queries.length = 0;
      const data = await w.run<{ bookingPages: { edges: unknown[] } }>('admin', DASHBOARD, { first });
      expect(data.bookingPages.edges).toHaveLength(first);
      return t().queries.length;
    };
    const counts = [await roundTrips(2), await roundTrips(7), await roundTrips(12)];
    // A relation may need a second batch when its keys only appear one level down (a reason's user who is
    // not yet loaded as an owner or member): the count is bounded by the query's shape, never by its size.
    expect(counts[2]).toBeLessThanOrEqual(counts[0] as number);
    expect(Math.max(...counts)).toBeLessThanOrEqual(16);
  });

  it('resolves the list screen from rows it holds: promises do not grow with the pages listed', async () => {
    const w = await pagesWithErrors();
    let promises = 0;
    const hook = createHook({
      init(_id, type) {
        if (type === 'PROMISE') promises += 1;
      },
    });
    const count = async (first: number) => {
      await w.run('admin', LIST_SCREEN, { first }); // warm: the same work, nothing cached across requests
      hook.enable();
      promises = 0;
      const data = await w.run<{ bookingPages: { edges: unknown[] } }>('admin', LIST_SCREEN, { first });
      hook.disable();
      expect(data.bookingPages.edges).toHaveLength(first);
      return promises;
    };
    const two = await count(2);
    const twelve = await count(12);
    // A field answered by a promise makes its object, list and every parent a promise too (graphql-js
    // completes them with Promise.all): about 60 promises per page when a member's row was not settled.
    // Settled, the pages below the root resolve as plain values; the margin covers the HTTP and SQL layers.
    expect((twelve - two) / 10, `promises for 2 pages: ${two}, for 12: ${twelve}`).toBeLessThan(5);
  });
});
