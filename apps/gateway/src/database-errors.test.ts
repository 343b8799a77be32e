// A database outage reaches the client as the typed DATABASE_UNAVAILABLE, never as INTERNAL_SERVER_ERROR.
import { DatabaseUnavailableError } from '@tsunagi/db';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { databaseUnavailableError, formatGatewayError, isExpectedError } from './errors.js';

/** What a resolver's failed read looks like to Apollo: drizzle's wrapper around the driver error, located. */
function failedRead(cause: Error): GraphQLError {
  const drizzle = new Error('Failed query: select "id" from "booking_pages" where "id" = $1\nparams: pg_1', {
    cause,
  });
  return new GraphQLError(drizzle.message, { path: ['bookingPage'], originalError: drizzle });
}

const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
  code: '57P01',
});

describe('database outages in GraphQL answers', () => {
  it('a lost connection under a resolver is DATABASE_UNAVAILABLE, retryable, without SQL', () => {
    const located = failedRead(terminated);
    expect(formatGatewayError(located.toJSON(), located)).toEqual({
      message: 'The database is unavailable; nothing was changed, try again',
      path: ['bookingPage'],
      extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
    });
    expect(isExpectedError(located)).toBe(true);
  });

  it('a commit with an unknown outcome is not retryable', () => {
    const error = new DatabaseUnavailableError({ cause: terminated, outcome: 'unknown' });
    const located = new GraphQLError(error.message, {
      path: ['setBookingPageEnabled'],
      originalError: error,
    });
    expect(formatGatewayError(located.toJSON(), located).extensions).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      retryable: false,
    });
  });

  it('before execution (authentication reads the database) it answers HTTP 200, not 500', () => {
    const error = databaseUnavailableError(new Error('Failed query', { cause: terminated }), { http: true });
    expect(error?.extensions).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      retryable: true,
      http: { status: 200 },
    });
    expect(formatGatewayError((error as GraphQLError).toJSON(), error).extensions).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      retryable: true,
    });
  });

  it('leaves other failures alone', () => {
    const bug = failedRead(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }));
    expect(databaseUnavailableError(bug)).toBeNull();
    expect(formatGatewayError(bug.toJSON(), bug).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
