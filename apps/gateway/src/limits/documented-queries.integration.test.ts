// The documented screens at the documented maximum page size pass the default cost limit: the README's query
// and the SDK's dashboard and admin operations, read from the files that document them, with `first: 100`.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDriver, useTestGateway } from '../../test/harness.js';
import { World } from '../../test/world.js';
import { DEFAULT_LIMITS } from '../env.js';

const repository = new URL('../../../../', import.meta.url);

/** The README's "Try:" query, with `bookingPages(first: 10)` at the documented maximum. */
function readmeQuery(): string {
  const readme = readFileSync(new URL('README.md', repository), 'utf8');
  const query = /```graphql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (query === undefined || !query.includes('bookingPages(first: 10)'))
    throw new Error('README query moved');
  return query.replace('bookingPages(first: 10)', 'bookingPages(first: 100)');
}

/** An SDK operation, as its source declares it. */
function sdkQuery(file: string, name: string): string {
  const source = readFileSync(new URL(`packages/sdk/src/operations/${file}`, repository), 'utf8');
  const query = new RegExp(`graphql\\(\`\\s*(query ${name}\\b[\\s\\S]*?)\`\\)`).exec(source)?.[1];
  if (query === undefined) throw new Error(`SDK ${name} operation moved`);
  return query;
}

describeEachDriver('documented queries at first: 100 (%s)', (driver) => {
  const t = useTestGateway(driver);

  it('pass the default cost limit and answer', async () => {
    expect(t().config.limits.maxCost).toBe(DEFAULT_LIMITS.maxCost);
    const w = await World.create(t(), ['admin', 'ada', 'ben'], { admin: 'ADMIN' });
    await w.link('ada', 'GOOGLE_CALENDAR');
    await w.fail(await w.link('ben', 'GOOGLE_CALENDAR'));
    for (let i = 0; i < 3; i++) {
      await w.createPage('ada', { title: `Page ${i}`, memberIds: [w.users.ada, w.users.ben] });
    }
    const readme = await w.request('admin', readmeQuery());
    expect(readme.body.errors).toBeUndefined();
    expect(readme.status).toBe(200);
    const sdk = await w.request('admin', sdkQuery('dashboard.ts', 'BookingPages'), {
      first: 100,
      locale: 'JA',
    });
    expect(sdk.body.errors).toBeUndefined();
    const pages = (sdk.body.data as { bookingPages: { edges: { node: { state: string } }[] } }).bookingPages;
    expect(pages.edges.map((edge) => edge.node.state)).toContain('DISABLED_CONNECTION_ERROR');
    const admin = await w.request('admin', sdkQuery('admin.ts', 'OrganizationConnections'), {
      first: 100,
      filter: { status: ['ERROR'] },
    });
    expect(admin.body.errors).toBeUndefined();
    const errored = (
      admin.body.data as { connections: { edges: { node: { affectedBookingPages: unknown[] } }[] } }
    ).connections;
    expect(errored.edges.map((edge) => edge.node.affectedBookingPages.length)).toEqual([3]);
  });

  it('still refuse a query that would really be expensive', async () => {
    const w = await World.create(t(), ['admin'], { admin: 'ADMIN' });
    const costly = await w.request(
      'admin',
      `{ bookingPages(first: 100) { edges { node { members { connections { affectedBookingPages {
          members { connections { affectedBookingPages { id } } } } } } } } } }`,
    );
    expect(costly.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'COST' });
  });
});
