import { describe, expect, it } from 'vitest';
import {
  MAX_RETRY_AFTER_SECONDS,
  normalizeHeaders,
  parseRetryAfter,
  retryAfterFromHeaders,
} from './headers.js';

const NOW = Date.parse('Sun, 06 Nov 1994 08:49:00 GMT');

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it.each([
    ['120', 120],
    ['0', 0],
    ['1.5', 1.5],
    [' 30 ', 30],
    ['-5', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 37],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 37],
    ['Sun Nov  6 08:49:37 1994', 37],
    ['1994-11-06T08:50:00Z', 60],
    ['1994-11-06T09:50:00+01:00', 60],
    ['Sun, 06 Nov 1994 08:00:00 GMT', 0],
    ['99999999999', MAX_RETRY_AFTER_SECONDS],
  ])('%j → %d', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each(['', 'soon', '1e3', '5 seconds', 'NaN', 'Infinity', '0x10', 'Retry 2'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('ignores very long values without parsing them', () => {
    expect(parseRetryAfter(`${'9'.repeat(5_000)}`, NOW)).toBeUndefined();
    expect(parseRetryAfter(`Sun, 06 Nov 1994 08:49:37 GMT${' '.repeat(10_000)}x`, NOW)).toBeUndefined();
  });

  it('ignores non-strings and a non-finite clock', () => {
    expect(parseRetryAfter(5 as unknown as string, NOW)).toBeUndefined();
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Number.NaN)).toBeUndefined();
  });
});

describe('retryAfterFromHeaders', () => {
  const from = (headers: Record<string, string | string[] | undefined>) =>
    retryAfterFromHeaders(normalizeHeaders(headers), NOW);

  it('prefers millisecond headers, then Retry-After, then rate-limit resets', () => {
    expect(from({ 'Retry-After': '9', 'x-ms-retry-after-ms': '250' })).toBe(0.25);
    expect(from({ 'retry-after-ms': '1200' })).toBe(1.2);
    expect(from({ 'Retry-After': '9', 'RateLimit-Reset': '3' })).toBe(9);
    expect(from({ 'x-ratelimit-reset': '3' })).toBe(3);
    const now = Date.parse('2024-03-01T12:00:00Z');
    expect(
      retryAfterFromHeaders(normalizeHeaders({ 'x-ratelimit-reset': String(now / 1000 + 42) }), now),
    ).toBe(42);
    expect(from({})).toBeUndefined();
  });

  it('tolerates header garbage', () => {
    expect(normalizeHeaders(null).size).toBe(0);
    expect(normalizeHeaders(['Retry-After', '5']).size).toBe(0);
    expect(normalizeHeaders({ 'Retry-After': 5, Other: undefined, Many: ['a', 'b'] })).toEqual(
      new Map([['many', 'a']]),
    );
  });
});
