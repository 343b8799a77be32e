import { describe, expect, it } from 'vitest';
import {
  DatabaseUnavailableError,
  databaseUnavailable,
  isConnectionLoss,
  isDatabaseUnavailable,
  retryWhileUnavailable,
} from './unavailable.js';

/** An error as node-postgres builds it from a server ErrorResponse, or as Node builds a socket error. */
function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** drizzle-orm's DrizzleQueryError: the SQL text in the message, the driver error as `cause`. */
function drizzleWrapped(cause: Error): Error {
  return new Error('Failed query: select "id" from "organizations"\nparams: ', { cause });
}

describe('isConnectionLoss', () => {
  // Messages as the server sends them (PostgreSQL 15, src/backend/tcop/postgres.c, postmaster.c).
  it.each([
    ['pg_terminate_backend', withCode('terminating connection due to administrator command', '57P01')],
    [
      'a crash of another backend',
      withCode('terminating connection because of crash of another server process', '57P02'),
    ],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['an idle-session reaper', withCode('terminating connection due to idle-session timeout', '57P05')],
    ['a full server', withCode('sorry, too many clients already', '53300')],
    ['class 08', withCode('could not receive data from client: Connection reset by peer', '08006')],
    ['a refused connect', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a write to a closed socket', withCode('write EPIPE', 'EPIPE')],
    // node-postgres, lib/client.js: the socket ended under a query, or a query on a failed client.
    ['a socket that ended', new Error('Connection terminated unexpectedly')],
    ['a client already broken', new Error('Client has encountered a connection error and is not queryable')],
    // pg-pool, index.js: no connection within connectionTimeoutMillis.
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    [
      'the same, wrapped by drizzle',
      drizzleWrapped(withCode('terminating connection due to administrator command', '57P01')),
    ],
    [
      'every address refused (net.connect with autoSelectFamily)',
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed'),
    ],
    ['the typed error itself', new DatabaseUnavailableError({ cause: new Error('x') })],
  ])('is true for %s', (_name, error) => {
    expect(isConnectionLoss(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint "x"', '23505')],
    ['a deadlock (the state service retries those itself)', withCode('deadlock detected', '40P01')],
    ['a missing table', drizzleWrapped(withCode('relation "x" does not exist', '42P01'))],
    ['a statement timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a client closed on purpose', new Error('Client was closed and is not queryable')],
    ['not an error', 'ECONNRESET'],
  ])('is false for %s', (_name, error) => {
    expect(isConnectionLoss(error)).toBe(false);
  });
});

describe('DatabaseUnavailableError', () => {
  it('is retryable only when nothing was applied, and keeps its cause', () => {
    const cause = withCode('read ECONNRESET', 'ECONNRESET');
    const notApplied = new DatabaseUnavailableError({ cause });
    expect(notApplied).toMatchObject({
      name: 'DatabaseUnavailableError',
      outcome: 'not-applied',
      retryable: true,
    });
    expect(notApplied.cause).toBe(cause);
    const unknown = new DatabaseUnavailableError({ cause, outcome: 'unknown' });
    expect(unknown.retryable).toBe(false);
    expect(unknown.message).toMatch(/read the state before retrying/);
  });

  it('is recognised by its brand, not by instanceof', () => {
    const fromAnotherCopy = Object.assign(new Error('x'), {
      [Symbol.for('tsunagi.DatabaseUnavailableError')]: true,
    });
    expect(isDatabaseUnavailable(fromAnotherCopy)).toBe(true);
    expect(isDatabaseUnavailable(new Error('x'))).toBe(false);
  });

  it('databaseUnavailable finds the typed error in a chain, wraps a driver failure, ignores the rest', () => {
    const typed = new DatabaseUnavailableError({ cause: new Error('x'), outcome: 'unknown' });
    expect(databaseUnavailable(new Error('outer', { cause: typed }))).toBe(typed);
    const wrapped = databaseUnavailable(drizzleWrapped(withCode('read ECONNRESET', 'ECONNRESET')));
    expect(wrapped).toMatchObject({ outcome: 'not-applied', retryable: true });
    expect(databaseUnavailable(withCode('deadlock detected', '40P01'))).toBeNull();
  });
});

describe('retryWhileUnavailable', () => {
  it('reads again after a lost connection, and gives other errors back at once', async () => {
    let calls = 0;
    const value = await retryWhileUnavailable(async () => {
      calls++;
      if (calls < 3) throw withCode('read ECONNRESET', 'ECONNRESET');
      return 'rows';
    });
    expect({ value, calls }).toEqual({ value: 'rows', calls: 3 });

    let bugCalls = 0;
    const bug = new TypeError('bug');
    await expect(
      retryWhileUnavailable(async () => {
        bugCalls++;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(bugCalls).toBe(1);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const lost = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    const pending = retryWhileUnavailable(async () => {
      throw lost;
    }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBe(lost);
  });
});
