import { describe, expect, it } from 'vitest';
import { BookingRulesIndex } from './index.js';
import { bookingPage, connection, location } from './testing/index.js';

const aGoogle = connection('a-g', 'a', 'GOOGLE_CALENDAR');
const bGoogle = connection('b-g', 'b', 'GOOGLE_CALENDAR');
const cGoogle = connection('c-g', 'c', 'GOOGLE_CALENDAR');
const pageAB = bookingPage({ id: 'ab', memberIds: ['a', 'b'] });
const pageC = bookingPage({ id: 'c', memberIds: ['c'] });

function index() {
  return new BookingRulesIndex({ pages: [pageAB, pageC], connections: [aGoogle, bGoogle, cGoogle] });
}

describe('BookingRulesIndex', () => {
  it('evaluates every page on load', () => {
    const rules = index();
    expect(rules.pageCount).toBe(2);
    expect(rules.getEvaluation('ab')?.state).toBe('ACTIVE');
    expect(rules.getEvaluation('nope')).toBeUndefined();
    expect(rules.getPage('c')).toBe(pageC);
    expect(rules.pagesOfUser('a')).toEqual([pageAB]);
  });

  it("re-evaluates only the pages of the changed connection's user", () => {
    const rules = index();
    const untouched = rules.getEvaluation('c');
    const changes = rules.applyConnectionChange({ ...aGoogle, status: 'ERROR' });
    expect(changes.map((c) => c.pageId)).toEqual(['ab']);
    expect(rules.getEvaluation('c')).toBe(untouched);
  });

  it("re-evaluates when an errored Exchange calendar's sub-reason changes: the plan names the failing check", () => {
    const exchange = { ...connection('c-x', 'c', 'EXCHANGE', 'ERROR'), errorSubReason: 'INTEROP_SSL_ERROR' };
    const rules = new BookingRulesIndex({ pages: [pageC], connections: [exchange] });
    const changes = rules.applyConnectionChange({ ...exchange, errorSubReason: 'INTEROP_AUTH_FAILED' });
    expect(changes.map((c) => c.pageId)).toEqual(['c']);
    expect(JSON.stringify(rules.getEvaluation('c')?.plan)).toContain('INTEROP_AUTH_FAILED');
    expect(JSON.stringify(rules.getEvaluation('c')?.plan)).not.toContain('INTEROP_SSL_ERROR');
  });

  it('reports nothing when what evaluation reads did not change (same status, or only health)', () => {
    const rules = index();
    expect(rules.applyConnectionChange({ ...aGoogle })).toEqual([]);
    expect(rules.applyConnectionChange({ ...aGoogle, health: 'DEGRADED' })).toEqual([]);
    expect(rules.getConnection('a-g')?.health).toBe('DEGRADED');
    // A second working calendar changes nothing either.
    expect(rules.applyConnectionChange(connection('a-x', 'a', 'EXCHANGE'))).toEqual([]);
  });

  it('handles unlinking (DISCONNECTED), removal, and a connection moving to another user', () => {
    const rules = index();
    expect(rules.applyConnectionChange({ ...cGoogle, status: 'ERROR' }).map((c) => c.pageId)).toEqual(['c']);
    expect(rules.applyConnectionChange({ ...cGoogle, status: 'DISCONNECTED' })[0]?.after?.state).toBe(
      'ACTIVE',
    );
    expect(rules.removeConnection('c-g')).toEqual([]);
    expect(rules.removeConnection('c-g')).toEqual([]);
    const moved = rules.applyConnectionChange({ ...connection('x', 'c', 'EXCHANGE', 'ERROR') });
    expect(moved.map((c) => c.pageId)).toEqual(['c']);
    const back = rules.applyConnectionChange(connection('x', 'a', 'EXCHANGE', 'ERROR'));
    expect(back.map((c) => [c.pageId, c.after?.state])).toEqual([
      ['ab', 'DISABLED_CONNECTION_ERROR'],
      ['c', 'ACTIVE'],
    ]);
    expect(rules.connectionsOfUser('c')).toEqual([]);
  });

  it('adds, edits and removes pages, keeping the user → pages map in step', () => {
    const rules = index();
    const added = rules.upsertPage(
      bookingPage({ id: 'new', memberIds: ['c'], ownerId: 'a', locations: [location('ZOOM')] }),
    );
    expect(added).toMatchObject([
      { pageId: 'new', before: null, after: { state: 'DISABLED_CONNECTION_ERROR' } },
    ]);
    expect(rules.pagesOfUser('a').map((p) => p.id)).toEqual(['ab', 'new']);
    expect(rules.upsertPage({ ...pageAB })).toEqual([]);
    rules.upsertPage({ ...pageAB, ownerId: 'b', memberIds: ['b', 'c'] });
    expect(rules.pagesOfUser('a').map((p) => p.id)).toEqual(['new']);
    expect(
      rules
        .pagesOfUser('c')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['ab', 'c', 'new']);
    expect(rules.removePage('new')).toMatchObject([{ pageId: 'new', after: null }]);
    expect(rules.removePage('new')).toEqual([]);
    expect(rules.pagesOfUser('a')).toEqual([]);
    expect(rules.applyConnectionChange({ ...aGoogle, status: 'ERROR' })).toEqual([]);
  });

  it('keeps a busy user (many pages) in step through additions and removals', () => {
    const pages = Array.from({ length: 150 }, (_, i) =>
      bookingPage({ id: `p${i}`, memberIds: ['busy', `m${i}`] }),
    );
    const rules = new BookingRulesIndex({
      pages,
      connections: [connection('busy-g', 'busy', 'GOOGLE_CALENDAR')],
    });
    for (let i = 0; i < 150; i += 3) rules.removePage(`p${i}`);
    expect(rules.pagesOfUser('busy')).toHaveLength(100);
    const changes = rules.applyConnectionChange(connection('busy-g', 'busy', 'GOOGLE_CALENDAR', 'ERROR'));
    expect(changes).toHaveLength(100);
    expect(changes.map((c) => c.pageId)).toEqual([...changes.map((c) => c.pageId)].sort());
    rules.upsertPage(bookingPage({ id: 'p0', memberIds: ['busy'] }));
    expect(rules.pagesOfUser('busy')).toHaveLength(101);
  });
});
