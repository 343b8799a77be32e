import { describe, expect, it } from 'vitest';
import { applyFaultControl, FaultBook, parseFault } from './faults.js';

describe('parseFault', () => {
  it.each([
    [{ kind: 'REVOKE_GRANT' }, { kind: 'REVOKE_GRANT' }],
    [
      { kind: 'DROP_SCOPE', scope: 'calendar' },
      { kind: 'DROP_SCOPE', scope: 'calendar' },
    ],
    [
      { kind: 'RATE_LIMIT', requests: 2, retryAfterSeconds: 1 },
      { kind: 'RATE_LIMIT', requests: 2, retryAfterSeconds: 1 },
    ],
    [
      { kind: 'SERVER_ERROR_BURST', requests: 3 },
      { kind: 'SERVER_ERROR_BURST', requests: 3, status: 503 },
    ],
    [
      { kind: 'LATENCY', ms: 50 },
      { kind: 'LATENCY', ms: 50 },
    ],
  ])('accepts %j', (input, expected) => {
    expect(parseFault(input)).toEqual(expected);
  });

  it.each([
    [null, /JSON object/],
    [{ kind: 'EXPLODE' }, /kind must be one of/],
    [{ kind: 'DROP_SCOPE' }, /needs a scope/],
    [{ kind: 'RATE_LIMIT', requests: -1, retryAfterSeconds: 1 }, /integer requests/],
    [{ kind: 'SERVER_ERROR_BURST', requests: 1, status: 418 }, /status of 500/],
    [{ kind: 'LATENCY', ms: 'slow' }, /integer ms/],
  ])('rejects %j with a message', (input, message) => {
    expect(parseFault(input)).toMatch(message);
  });
});

describe('FaultBook', () => {
  it('applies counted faults to the next N requests of that account only, in order', () => {
    const book = new FaultBook();
    book.inject('a', { kind: 'RATE_LIMIT', requests: 2, retryAfterSeconds: 3 });
    book.inject('a', { kind: 'SERVER_ERROR_BURST', requests: 1, status: 502 });
    expect(book.takeRequestFault('b')).toBeNull();
    expect(book.takeRequestFault('a')).toEqual({ kind: 'RATE_LIMIT', retryAfterSeconds: 3 });
    expect(book.takeRequestFault('a')).toEqual({ kind: 'RATE_LIMIT', retryAfterSeconds: 3 });
    expect(book.takeRequestFault('a')).toEqual({ kind: 'SERVER_ERROR', status: 502 });
    expect(book.takeRequestFault('a')).toBeNull();
  });

  it('keeps persistent faults until the flow that heals them', () => {
    const book = new FaultBook();
    book.inject('a', { kind: 'REVOKE_GRANT' });
    book.inject('a', { kind: 'EXPIRE_ACCESS_TOKEN' });
    book.inject('a', { kind: 'DROP_SCOPE', scope: 'calendar' });
    book.healAccessToken('a');
    expect(book.isAccessTokenExpired('a')).toBe(false);
    expect(book.isRevoked('a')).toBe(true);
    book.healGrant('a');
    expect(book.isRevoked('a')).toBe(false);
    expect([...book.droppedScopes('a')]).toEqual([]);
  });

  it('limits latency to its request count', () => {
    const book = new FaultBook();
    book.inject('a', { kind: 'LATENCY', ms: 40, requests: 2 });
    expect([book.takeLatency('a'), book.takeLatency('a'), book.takeLatency('a')]).toEqual([40, 40, 0]);
  });
});

describe('applyFaultControl', () => {
  it('injects on POST, rejects a malformed fault with 400, clears on DELETE, and ignores other methods', () => {
    const book = new FaultBook();
    expect(applyFaultControl(book, 'a', 'POST', { kind: 'REVOKE_GRANT' })).toEqual({
      status: 204,
      body: undefined,
    });
    expect(book.isRevoked('a')).toBe(true);
    expect(applyFaultControl(book, 'a', 'POST', { kind: 'NOPE' })).toMatchObject({ status: 400 });
    expect(applyFaultControl(book, 'a', 'GET', undefined)).toBeNull();
    expect(applyFaultControl(book, 'a', 'DELETE', undefined)).toEqual({ status: 204, body: undefined });
    expect(book.isRevoked('a')).toBe(false);
  });
});
