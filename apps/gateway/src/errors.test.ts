import { EventsExpiredError } from '@tsunagi/db';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  eventLogFailure,
  formatGatewayError,
  gatewayError,
  isExpectedError,
  serviceFailure,
} from './errors.js';

const format = (error: GraphQLError) => formatGatewayError(error.toJSON(), error);

describe('formatGatewayError', () => {
  it('keeps the gateway’s own errors, minus anything internal', () => {
    const error = gatewayError('NOT_FOUND', 'Booking page not found');
    const located = new GraphQLError(error.message, { path: ['bookingPage'], originalError: error });
    expect(format(located)).toEqual({
      message: 'Booking page not found',
      path: ['bookingPage'],
      extensions: { code: 'NOT_FOUND' },
    });
    expect(isExpectedError(located)).toBe(true);
  });

  it('maps service failures to the same code, with the field at fault', () => {
    expect(
      format(serviceFailure({ code: 'BAD_USER_INPUT', message: 'Title is required', field: 'title' })),
    ).toEqual({
      message: 'Title is required',
      extensions: { code: 'BAD_USER_INPUT', field: 'title' },
    });
  });

  it('masks everything else as INTERNAL_SERVER_ERROR, without message, stack or SQL', () => {
    const bug = new Error('duplicate key value violates unique constraint "x" (SELECT * FROM secrets)');
    const located = new GraphQLError(bug.message, {
      path: ['createBookingPage'],
      originalError: bug,
      extensions: { code: 'SOMETHING', stacktrace: ['Error: …', 'at file.ts:1'] },
    });
    const formatted = format(located);
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['createBookingPage'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(isExpectedError(located)).toBe(false);
    // A GraphQLError thrown by a resolver with a code of its own is not trusted either.
    expect(
      format(new GraphQLError('leak', { path: ['x'], extensions: { code: 'BAD_USER_INPUT' } })).extensions
        ?.code,
    ).toBe('INTERNAL_SERVER_ERROR');
  });

  it('answers an expired event cursor as EVENTS_EXPIRED with where and how to resync, and nothing else', () => {
    const expired = eventLogFailure(new EventsExpiredError('org_1', 3, 41, 97)) as GraphQLError;
    const located = new GraphQLError(expired.message, { path: ['events'], originalError: expired });
    expect(format(located)).toEqual({
      message: 'Events after cursor 3 are no longer kept: the log keeps events from cursor 41 on',
      path: ['events'],
      extensions: {
        code: 'EVENTS_EXPIRED',
        oldestCursor: '41',
        resyncCursor: '97',
        resync:
          'resync: read the current state (bookingPages, connections), then follow events from resyncCursor',
      },
    });
    expect(isExpectedError(located)).toBe(true);
    // Any other failure of the log passes through untouched (and is masked as usual).
    const bug = new Error('boom');
    expect(eventLogFailure(bug)).toBe(bug);
  });

  it('keeps request errors (parse, validation) as BAD_USER_INPUT', () => {
    const parseError = new GraphQLError('Syntax Error: Expected Name', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(format(parseError).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
