import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import type { CliIo } from './io.js';

function memoryIo(stdin = '', files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => stdin,
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return content;
    },
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

// Google Calendar API "Handle API errors" page (seeds/calendar-api-errors.pl.txt), 401 authError.
const GOOGLE_401 =
  '{"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials","locationType":"header","location":"Authorization"}],"code":401,"message":"Invalid Credentials"}}';

describe('tsunagi explain', () => {
  it('classifies a Google 401 authError as an expired access token to refresh', async () => {
    const run = memoryIo();
    const code = await runCli(
      ['explain', '--provider', 'google', '--status', '401', '--body', GOOGLE_401],
      run.io,
    );
    expect(code).toBe(0);
    expect(run.stdout()).toContain('AUTH_EXPIRED');
    expect(run.stdout()).toContain('REFRESH_TOKEN');
    expect(run.stderr()).toBe('');
  });

  it('reads the body from stdin and prints JSON with the localized text', async () => {
    const run = memoryIo(
      '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
    );
    const code = await runCli(
      ['explain', '--provider', 'google-oauth', '--status', '400', '--body', '-', '--locale', 'ja', '--json'],
      run.io,
    );
    expect(code).toBe(0);
    const printed = JSON.parse(run.stdout());
    expect(printed).toMatchObject({
      code: 'AUTH_REVOKED',
      action: 'REAUTHORIZE',
      connectionBroken: true,
      locale: 'ja',
    });
    expect(printed.remediation).toMatch(/再接続/);
  });

  it('honours Retry-After given as a header', async () => {
    const run = memoryIo();
    await runCli(
      ['explain', '--provider', 'microsoft', '--status', '429', '--header', 'Retry-After: 7', '--json'],
      run.io,
    );
    expect(JSON.parse(run.stdout())).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterSeconds: 7,
    });
  });

  it.each([
    [['explain'], /--provider is required/],
    [['explain', '--provider', 'yahoo'], /unknown provider "yahoo"/],
    [['explain', '--provider', 'google', '--status', '99x'], /--status must be an HTTP status/],
    [['explain', '--provider', 'google', '--header', 'nocolon'], /--header must look like/],
    [['explain', '--provider', 'google', '--locale', 'fr'], /unknown locale "fr"/],
    [['explain', '--provider', 'google', '--body-file', 'missing.json'], /cannot read --body-file/],
    [['explain', '--provider', 'google', '--bogus'], /Unknown option/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('rejects bad usage %j with a one-line error and exit code 2', async (argv, message) => {
    const run = memoryIo();
    expect(await runCli(argv, run.io)).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
    expect(run.stdout()).toBe('');
  });
});

describe('tsunagi evaluate', () => {
  it('evaluates the bundled example: both pages disabled with their reasons and plans', async () => {
    const example = await readFile(new URL('../examples/all-members.json', import.meta.url), 'utf8');
    const run = memoryIo('', { 'world.json': example });
    expect(await runCli(['evaluate', 'world.json', '--json'], run.io)).toBe(0);
    const [teamIntro, support] = JSON.parse(run.stdout());
    expect(teamIntro).toMatchObject({ pageId: 'page_team_intro', state: 'DISABLED_CONNECTION_ERROR' });
    expect(teamIntro.reasons.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'MEMBER_CALENDAR_ERROR',
      'OWNER_LOCATION_ERROR',
    ]);
    // Teams works for Aiko and Marco, but only Aiko and Ola have a usable calendar: Aiko hosts.
    expect(support).toMatchObject({ pageId: 'page_support', state: 'ACTIVE', eligibleHostIds: ['usr_aiko'] });
    expect(support.warnings.length).toBeGreaterThan(0);
  });

  it('prints a readable plan', async () => {
    const example = await readFile(new URL('../examples/all-members.json', import.meta.url), 'utf8');
    const run = memoryIo(example);
    expect(await runCli(['evaluate'], run.io)).toBe(0);
    expect(run.stdout()).toContain('page page_team_intro (ALL_MEMBERS): DISABLED_CONNECTION_ERROR');
    expect(run.stdout()).toContain('RECONNECT con_marco_ms');
    expect(run.stdout()).toContain('UNLINK con_marco_ms');
    expect(run.stdout()).toContain('REMOVE_ALL_LOCATIONS');
  });

  it.each([
    ['not json', /not valid JSON/],
    ['{"page":{"id":"p"},"connections":[]}', /invalid input at page/],
    [
      '{"page":{"id":"p","ownerId":"u","memberIds":["u"],"mode":"SOME","locations":[]},"connections":[]}',
      /invalid input at page.mode/,
    ],
  ])('rejects bad input %s with a typed message', async (input, message) => {
    const run = memoryIo(input);
    expect(await runCli(['evaluate', '-'], run.io)).toBe(2);
    expect(run.stderr()).toMatch(message);
  });
});

describe('tsunagi demo', () => {
  it('classifies the sample failures and shows the page re-enabled by its plan', async () => {
    const run = memoryIo();
    expect(await runCli(['demo'], run.io)).toBe(0);
    const out = run.stdout();
    expect(out).toContain('RATE_LIMITED');
    expect(out).toContain('AUTH_REVOKED');
    expect(out).toContain('DISABLED_CONNECTION_ERROR');
    expect(out).toMatch(/After the first option[\s\S]*: ACTIVE — accepting bookings/);
  });

  it('prints help', async () => {
    const run = memoryIo();
    expect(await runCli(['help'], run.io)).toBe(0);
    expect(run.stdout()).toContain('tsunagi explain');
    expect(run.stdout()).toContain('tsunagi api-key   create, list or revoke API keys');
  });

  it('prints one operator command usage', async () => {
    for (const argv of [
      ['help', 'init'],
      ['init', '--help'],
    ]) {
      const run = memoryIo();
      expect(await runCli(argv, run.io)).toBe(0);
      expect(run.stdout()).toMatch(
        /^tsunagi init --database-url postgres:\/\/… \[--env-file \.env\] \[--force\]/,
      );
    }
  });
});
