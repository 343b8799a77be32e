// The operator commands run for real (runCli in-process) on a throwaway PostgreSQL database and a temporary
// directory: the environment file and its mode, migrations, organizations, API keys that really
// authenticate, the demo, every refusal as one line and exit code 2, and no secret in any output but the
// API key, once.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import {
  createDatabase,
  createUser,
  type DatabaseHandle,
  DEMO_ORGANIZATION_SLUG,
  envelopeKeyId,
  findApiKey,
  findOrganization,
  generateKey,
  organizationByReference,
  parseKeyring,
} from '@tsunagi/db';
import { connectionCredentials } from '@tsunagi/db/schema';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@tsunagi/db/testing';
import { describePostgres } from '@tsunagi/db/testing/suites';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorCli, refusal } from '../../test/operator-io.js';

describePostgres('tsunagi operator commands on PostgreSQL', () => {
  const transcript: string[] = [];
  const cli = operatorCli(transcript);
  let directory: string;
  let database: ThrowawayDatabase;
  let envFile: string;
  let handle: DatabaseHandle;
  /** The variables init wrote: secrets that must never be printed. */
  let written: Record<string, string | undefined>;
  const apiKeySecrets: string[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tsunagi-cli-'));
    envFile = join(directory, 'tsunagi.env');
    // Dropped at once: init is to create it.
    database = await createThrowawayDatabase('tsunagi_cli');
    await database.drop();
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
    await rm(directory, { recursive: true, force: true });
    // The secrets init generated never appear; each API key appears exactly once, where it was created.
    const printed = transcript.join('');
    for (const name of ['JWT_SECRET', 'CREDENTIALS_KEYS'] as const) {
      const secret = written?.[name];
      expect(secret).toBeDefined();
      expect(printed).not.toContain(secret);
    }
    expect(printed).not.toContain('secretHash');
    expect(apiKeySecrets.length).toBeGreaterThan(0);
    for (const secret of apiKeySecrets) expect(printed.split(secret)).toHaveLength(2);
  });

  const env = () => ['--env-file', envFile];

  describe('init', () => {
    it('writes a 0600 file with DATABASE_URL and fresh keys, creates and migrates the database, prints names only', async () => {
      const run = await cli(['init', '--database-url', database.url, ...env()]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect((await stat(envFile)).mode & 0o777).toBe(0o600);
      written = parseEnv(await readFile(envFile, 'utf8'));
      expect(Object.keys(written).sort()).toEqual(['CREDENTIALS_KEYS', 'DATABASE_URL', 'JWT_SECRET']);
      expect(written.DATABASE_URL).toBe(database.url);
      expect(written.JWT_SECRET?.length).toBeGreaterThanOrEqual(32);
      expect(parseKeyring(written.CREDENTIALS_KEYS ?? '').activeKeyId).toBe('k1');
      expect(run.stdout).toContain(`Wrote ${envFile} (mode 0600)`);
      expect(run.stdout).toMatch(/JWT_SECRET and CREDENTIALS_KEYS/);
      expect(run.stdout).toContain(
        `Database ${database.name} on 127.0.0.1:5432: created, migrations applied`,
      );
      handle = createDatabase({ databaseUrl: database.url });
    });

    it('refuses to overwrite the file without --force, and changes nothing', async () => {
      const before = await readFile(envFile, 'utf8');
      const run = await cli(['init', '--database-url', database.url, ...env()]);
      expect(refusal(run)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(run.stderr).toContain('already exists: pass --force');
      expect(await readFile(envFile, 'utf8')).toBe(before);
    });

    it('replaces it with --force: new secrets, mode 0600 again, the database already there', async () => {
      const scratch = join(directory, 'scratch.env');
      expect((await cli(['init', '--database-url', database.url, '--env-file', scratch])).code).toBe(0);
      const first = parseEnv(await readFile(scratch, 'utf8'));
      await chmod(scratch, 0o644);
      const run = await cli([
        'init',
        '--database-url',
        database.url,
        '--env-file',
        scratch,
        '--force',
        '--json',
      ]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        file: scratch,
        mode: '0600',
        generated: ['JWT_SECRET', 'CREDENTIALS_KEYS'],
        database: `${database.name} on 127.0.0.1:5432`,
        created: false,
        migrated: true,
      });
      const second = parseEnv(await readFile(scratch, 'utf8'));
      expect((await stat(scratch)).mode & 0o777).toBe(0o600);
      expect(second.JWT_SECRET).not.toBe(first.JWT_SECRET);
      expect(second.CREDENTIALS_KEYS).not.toBe(first.CREDENTIALS_KEYS);
      for (const value of [first.JWT_SECRET, second.JWT_SECRET]) expect(run.stdout).not.toContain(value);
    });

    it('writes no file when the database cannot be used', async () => {
      const missing = join(directory, 'never.env');
      const run = await cli([
        'init',
        '--database-url',
        'postgres://postgres@127.0.0.1:1/none',
        '--env-file',
        missing,
      ]);
      expect(refusal(run)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(run.stderr).toMatch(/^tsunagi: cannot use the database none on 127\.0\.0\.1:1: .*ECONNREFUSED/);
      await expect(stat(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });

  it('migrate is idempotent', async () => {
    for (let round = 0; round < 2; round++) {
      const run = await cli(['migrate', ...env()]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`Database ${database.name} on 127.0.0.1:5432: migrations applied`);
    }
  });

  it('reads DATABASE_URL from the environment before the file, as node --env-file does', async () => {
    const run = await cli(['migrate', ...env()], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/elsewhere',
    });
    expect(run.stderr).toContain('cannot use the database elsewhere on 127.0.0.1:1');
  });

  describe('org create and api-key create → list → revoke', () => {
    let organization: { id: string; slug: string };

    it('creates an organization with a slug made from its name', async () => {
      const run = await cli(['org', 'create', '--name', 'Ōsaka Bookings, Inc.', ...env(), '--json']);
      expect(run.code).toBe(0);
      organization = JSON.parse(run.stdout).organization;
      expect(organization).toMatchObject({ id: expect.stringMatching(/^org_/), slug: 'osaka-bookings-inc' });
      expect(await findOrganization(handle.db, organization.id)).toMatchObject({
        name: 'Ōsaka Bookings, Inc.',
      });
      const text = await cli(['org', 'create', '--name', 'Second', '--slug', 'second-org', ...env()]);
      expect(text.stdout).toMatch(/^Created organization org_\w+ \(slug second-org\): Second\n$/);
    });

    it('records the external id of the product, which names the organization once', async () => {
      const run = await cli([
        'org',
        'create',
        '--name',
        'Nara',
        '--external-id',
        'tenant-nara',
        ...env(),
        '--json',
      ]);
      expect(run.code).toBe(0);
      const { id } = JSON.parse(run.stdout).organization;
      expect(await organizationByReference(handle.db, 'tenant-nara')).toMatchObject({ id, name: 'Nara' });
      const again = await cli([
        'org',
        'create',
        '--name',
        'Nara 2',
        '--external-id',
        'tenant-nara',
        ...env(),
      ]);
      expect(refusal(again)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(again.stderr).toContain(`--external-id "tenant-nara" already names organization ${id}`);
    });

    it('refuses a slug that is taken', async () => {
      const run = await cli(['org', 'create', '--name', 'Again', '--slug', organization.slug, ...env()]);
      expect(refusal(run)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(run.stderr).toContain(`slug "${organization.slug}" already exists`);
    });

    it('creates a SERVICE key that authenticates, lists it without a secret, revokes it', async () => {
      const created = await cli([
        'api-key',
        'create',
        '--org',
        organization.slug,
        '--role',
        'SERVICE',
        '--name',
        'reporting',
        ...env(),
      ]);
      expect(created.code).toBe(0);
      const secret = created.stdout.match(/^tsk_\S+$/m)?.[0] ?? '';
      apiKeySecrets.push(secret);
      const live = await findApiKey(handle.db, secret);
      expect(live).toMatchObject({
        organizationId: organization.id,
        role: 'SERVICE',
        name: 'reporting',
        userId: null,
      });
      expect(created.stdout).toContain(
        `Created API key ${live?.id} "reporting" (SERVICE) in ${organization.slug}:`,
      );

      const listed = await cli(['api-key', 'list', '--org', organization.id, ...env(), '--json']);
      const keys = JSON.parse(listed.stdout);
      expect(keys).toEqual([
        expect.objectContaining({
          id: live?.id,
          name: 'reporting',
          role: 'SERVICE',
          lastUsedAt: null,
          revokedAt: null,
        }),
      ]);
      expect(Object.keys(keys[0])).not.toContain('secretHash');
      const table = await cli(['api-key', 'list', '--org', organization.slug, ...env()]);
      expect(table.stdout).toMatch(/ID\s+NAME\s+ROLE\s+USER\s+CREATED\s+LAST USED\s+REVOKED/);
      expect(table.stdout).toMatch(new RegExp(`${live?.id}\\s+reporting\\s+SERVICE\\s+—`));

      const revoked = await cli(['api-key', 'revoke', live?.id ?? '', ...env()]);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toMatch(
        /^Revoked API key key_\w+ "reporting" at .*: it no longer authenticates\n$/,
      );
      expect(await findApiKey(handle.db, secret)).toBeNull();
      const again = await cli(['api-key', 'revoke', live?.id ?? '', '--org', organization.slug, ...env()]);
      expect(again.stdout).toMatch(/^Already revoked/);
      const after = JSON.parse(
        (await cli(['api-key', 'list', '--org', organization.slug, ...env(), '--json'])).stdout,
      );
      expect(after[0].revokedAt).not.toBeNull();
    });

    it('creates ADMIN and MEMBER keys acting as a user of the organization', async () => {
      const admin = await createUser(handle.db, {
        organizationId: organization.id,
        name: 'Ada',
        email: 'ada@osaka.example',
        role: 'ADMIN',
      });
      const member = await createUser(handle.db, {
        organizationId: organization.id,
        name: 'Bo',
        email: 'bo@osaka.example',
      });
      for (const [role, user] of [
        ['ADMIN', admin],
        ['MEMBER', member],
      ] as const) {
        const run = await cli([
          'api-key',
          'create',
          '--org',
          organization.id,
          '--role',
          role,
          '--user',
          user.id,
          '--name',
          `${role} key`,
          ...env(),
          '--json',
        ]);
        expect(run.code).toBe(0);
        const { key, apiKey } = JSON.parse(run.stdout);
        apiKeySecrets.push(key);
        expect(apiKey).toMatchObject({ role, userId: user.id });
        expect(await findApiKey(handle.db, key)).toMatchObject({ id: apiKey.id, userId: user.id });
      }
      const demoted = await cli([
        'api-key',
        'create',
        '--org',
        organization.id,
        '--role',
        'ADMIN',
        '--user',
        member.id,
        '--name',
        'x',
        ...env(),
      ]);
      expect(refusal(demoted)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(demoted.stderr).toContain('an ADMIN key must act as an admin');
    });

    it('org create --with-service-key issues the first key in the same step', async () => {
      const run = await cli([
        'org',
        'create',
        '--name',
        'Kyoto',
        '--with-service-key',
        'first',
        ...env(),
        '--json',
      ]);
      const { organization: kyoto, apiKey, key } = JSON.parse(run.stdout);
      apiKeySecrets.push(key);
      expect(await findApiKey(handle.db, key)).toMatchObject({
        id: apiKey.id,
        organizationId: kyoto.id,
        role: 'SERVICE',
        name: 'first',
      });
    });
  });

  it('seed-demo loads the demo into PostgreSQL once', async () => {
    const first = await cli(['seed-demo', ...env(), '--json']);
    expect(first.code).toBe(0);
    const seed = JSON.parse(first.stdout);
    expect(seed).toMatchObject({ seeded: true, users: { aiko: expect.stringMatching(/^usr_/) } });
    expect(await findOrganization(handle.db, DEMO_ORGANIZATION_SLUG)).toMatchObject({
      id: seed.organizationId,
    });
    const second = await cli(['seed-demo', ...env()]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('The demo was already loaded');
    expect(second.stdout).toContain(`--role ADMIN --user ${seed.users.aiko}`);
  });

  it('keys rotate re-seals the demo secrets under a new first key, then has nothing to do', async () => {
    const k1 = written.CREDENTIALS_KEYS ?? '';
    const k2 = `k2:${Buffer.from(generateKey()).toString('base64')}`;
    const rotated = await cli(['keys', 'rotate', ...env(), '--json'], { CREDENTIALS_KEYS: `${k2},${k1}` });
    expect(rotated.code).toBe(0);
    const report = JSON.parse(rotated.stdout);
    expect(report).toMatchObject({ activeKeyId: 'k2', webhookSecrets: 0 });
    expect(report.credentials).toBeGreaterThan(0);
    expect(report.exchangeSettings).toBeGreaterThan(0);
    const sealed = await handle.db.select().from(connectionCredentials);
    expect(sealed.every((row) => row.keyId === 'k2' && envelopeKeyId(row.ciphertext) === 'k2')).toBe(true);

    const again = await cli(['keys', 'rotate', ...env()], { CREDENTIALS_KEYS: k2 });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already sealed under k2; nothing written');
    // The old key alone no longer opens what is stored: one line, nothing changed.
    const stale = await cli(['keys', 'rotate', ...env()], { CREDENTIALS_KEYS: k1 });
    expect(refusal(stale)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
    expect(stale.stderr).toMatch(
      /a stored secret does not open with CREDENTIALS_KEYS \(Key "k2" is not in the keyring\)/,
    );
    expect(await handle.db.select().from(connectionCredentials)).toEqual(sealed);
    // Back to k1 for the tests after this one.
    expect((await cli(['keys', 'rotate', ...env()], { CREDENTIALS_KEYS: `${k1},${k2}` })).code).toBe(0);
  });

  it('seed-demo refuses a database whose demo slug belongs to an operator organization', async () => {
    const other = await createThrowawayDatabase('tsunagi_cli');
    try {
      const urlEnv = { DATABASE_URL: other.url, CREDENTIALS_KEYS: written.CREDENTIALS_KEYS ?? '' };
      expect((await cli(['migrate', ...env()], urlEnv)).code).toBe(0);
      await cli(['org', 'create', '--name', 'Acme Scheduling', ...env()], urlEnv);
      const run = await cli(['seed-demo', ...env()], urlEnv);
      expect(refusal(run)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(run.stderr).toContain('Only one of the demo organizations (acme-scheduling, globex) exists');
    } finally {
      await other.drop();
    }
  });

  describe('bad input: one line on stderr, exit code 2, nothing on stdout', () => {
    it.each([
      [['frobnicate'], /unknown command "frobnicate"/],
      [['org'], /org needs a subcommand/],
      [['org', 'delete'], /unknown org subcommand "delete"/],
      [['org', 'create'], /--name is required/],
      [['org', 'create', '--name', 'X', '--slug', 'Bad Slug'], /--slug must be lowercase/],
      [['org', 'create', '--name', '日本'], /cannot make a slug from --name/],
      [['org', 'create', '--name', 'X', '--bogus'], /Unknown option '--bogus'/],
      [['org', 'create', '--name', 'X', '--external-id', ''], /--external-id must be 1 to 256 characters/],
      [['org', 'create', '--name', 'X', '--external-id', 'a\u0007b'], /--external-id must be 1 to 256/],
      [['org', 'create', '--name'], /Option '--name' argument is ambiguous/],
      [['api-key'], /api-key needs a subcommand/],
      [['api-key', 'rotate'], /unknown api-key subcommand "rotate"/],
      [['keys'], /keys needs a subcommand: rotate/],
      [['keys', 'drop'], /unknown keys subcommand "drop"/],
      [
        ['api-key', 'create', '--org', 'osaka-bookings-inc', '--role', 'OWNER', '--name', 'x'],
        /unknown role "OWNER"/,
      ],
      [['api-key', 'create', '--org', 'osaka-bookings-inc', '--name', 'x'], /--role is required/],
      [['api-key', 'create', '--org', 'osaka-bookings-inc', '--role', 'SERVICE'], /--name is required/],
      [
        ['api-key', 'create', '--org', 'no-such-org', '--role', 'SERVICE', '--name', 'x'],
        /no organization "no-such-org"/,
      ],
      [
        [
          'api-key',
          'create',
          '--org',
          'osaka-bookings-inc',
          '--role',
          'SERVICE',
          '--name',
          'x',
          '--user',
          'usr_1',
        ],
        /a SERVICE key names no user/,
      ],
      [
        ['api-key', 'create', '--org', 'osaka-bookings-inc', '--role', 'MEMBER', '--name', 'x'],
        /a MEMBER key acts as a user/,
      ],
      [
        [
          'api-key',
          'create',
          '--org',
          'osaka-bookings-inc',
          '--role',
          'MEMBER',
          '--name',
          'x',
          '--user',
          'usr_nobody',
        ],
        /no user "usr_nobody" in osaka-bookings-inc/,
      ],
      [['api-key', 'list'], /--org is required/],
      [['api-key', 'list', '--org', 'no-such-org'], /no organization "no-such-org"/],
      [['api-key', 'revoke'], /missing <keyId>/],
      [['api-key', 'revoke', 'key_a', 'key_b'], /unexpected argument "key_b"/],
      [['api-key', 'revoke', 'key_nope'], /no API key "key_nope"/],
    ])('%j', async (argv, message) => {
      const run = await cli([...argv, ...env()]);
      expect(refusal(run)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(run.stderr).toMatch(message);
    });

    it.each([
      ['no DATABASE_URL anywhere', ['migrate'], {}, /DATABASE_URL is not set/],
      [
        'a DATABASE_URL that is not Postgres',
        ['migrate'],
        { DATABASE_URL: 'mysql://root@db/x' },
        /DATABASE_URL must be a postgres/,
      ],
      [
        'a database that is down',
        ['org', 'create', '--name', 'X'],
        { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' },
        /cannot use the database x on 127\.0\.0\.1:1/,
      ],
      [
        'a database that does not exist',
        ['migrate'],
        { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tsunagi_cli_absent' },
        /database "tsunagi_cli_absent" does not exist/,
      ],
      [
        'seed-demo without CREDENTIALS_KEYS',
        ['seed-demo'],
        { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' },
        /CREDENTIALS_KEYS is not set/,
      ],
      [
        'a keyring that is not one',
        ['seed-demo'],
        { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', CREDENTIALS_KEYS: 'k1:c2hvcnQ=' },
        /CREDENTIALS_KEYS is not a valid keyring \(Key "k1" must be 32 bytes, got 5\)/,
      ],
    ])('%s', async (_title, argv, environment, message) => {
      const empty = join(directory, 'empty.env');
      await writeFile(empty, '# nothing\n');
      const run = await cli([...argv, '--env-file', empty], environment);
      expect(refusal(run)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(run.stderr).toMatch(message);
    });

    it('an env file that cannot be read', async () => {
      const run = await cli(['migrate', '--env-file', join(directory, 'absent.env')]);
      expect(refusal(run)).toEqual({ code: 2, lines: 1, stdout: '', stack: false });
      expect(run.stderr).toMatch(/cannot read --env-file ".*absent\.env": no such file/);
    });

    it('never prints the password of a DATABASE_URL', async () => {
      const run = await cli(['migrate', '--env-file', join(directory, 'empty.env')], {
        DATABASE_URL: 'postgres://postgres:hunter2-secret@127.0.0.1:1/x',
      });
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('hunter2');
    });
  });
});
