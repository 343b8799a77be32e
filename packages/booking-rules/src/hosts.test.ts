import { describe, expect, it } from 'vitest';
import { describeWarning, evaluateBookingPage, pickRoundRobinHost } from './index.js';
import { bookingPage, connection } from './testing/index.js';

const connections = ['a', 'b', 'c'].map((u) => connection(`${u}-g`, u, 'GOOGLE_CALENDAR'));
const page = bookingPage({ memberIds: ['a', 'b', 'c'], mode: 'ANY_MEMBER', roundRobin: true });

describe('pickRoundRobinHost', () => {
  it('picks never-assigned hosts first in member order, then the least recently assigned', () => {
    const evaluation = evaluateBookingPage(page, connections);
    expect(pickRoundRobinHost(evaluation)).toBe('a');
    expect(pickRoundRobinHost(evaluation, ['a'])).toBe('b');
    expect(pickRoundRobinHost(evaluation, ['c', 'b', 'a'])).toBe('c');
    expect(pickRoundRobinHost(evaluation, ['b', 'c', 'a', 'b', 'c'])).toBe('a');
    expect(pickRoundRobinHost(evaluation, ['gone', 'a', 'b'])).toBe('c');
  });

  it('returns null for a page that takes no bookings, even with eligible hosts', () => {
    const off = evaluateBookingPage({ ...page, enabled: false }, connections);
    expect(off.eligibleHostIds).toEqual(['a', 'b', 'c']);
    expect(pickRoundRobinHost(off)).toBeNull();
  });
});

describe('describeWarning', () => {
  it('says how many of the members are concerned', () => {
    expect(describeWarning({ kind: 'HOSTS_UNAVAILABLE', userIds: ['x'], memberCount: 4 })).toBe(
      '1 of 4 hosts unavailable',
    );
    expect(describeWarning({ kind: 'MEMBERS_WITHOUT_CALENDAR', userIds: ['x', 'y'], memberCount: 2 })).toBe(
      '2 of 2 members have no connected calendar',
    );
  });
});
