// What the probe benchmarks share: Google emulator accounts with real (emulator-issued) tokens, an
// organization of N Google Calendar connections seeded straight into Postgres with those tokens sealed under
// the gateway's keyring (no browser-bound OAuth flow per connection), pages cloned in SQL, and a gateway in a
// Node process of its own (gateway-child.mjs, the built package) whose RSS can be sampled.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createOrganization, createUser, type Keyring, sealSecret } from '@tsunagi/db';
import type { GoogleEmulator } from '@tsunagi/emulators';
import type { DemoAccess } from '@tsunagi/gateway';
import { GoogleOAuthFlow, type OAuthTokens } from '@tsunagi/providers';
import type pg from 'pg';
import { check } from './report.js';

const REDIRECT_URI = 'http://127.0.0.1:9/oauth/callback/GOOGLE_CALENDAR';

/** Runs `fn` over indexes `from` … `to - 1` with at most `concurrency` in flight. */
export async function pool(
  [from, to]: readonly [number, number],
  concurrency: number,
  fn: (index: number) => Promise<void>,
): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: Math.max(0, Math.min(concurrency, to - from)) }, async () => {
      while (next < to) await fn(next++);
    }),
  );
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

export function emulatorOAuth(google: GoogleEmulator): GoogleOAuthFlow {
  return new GoogleOAuthFlow({
    clientId: google.client.clientId,
    clientSecret: google.client.clientSecret,
    endpoints: google.endpoints,
  });
}

/** The emulator's OAuth flow, as a browser and a confidential client would run it (no back door). */
export async function issueTokens(
  google: GoogleEmulator,
  oauth: GoogleOAuthFlow,
  accountId: string,
): Promise<OAuthTokens> {
  const { verifier, challenge } = pkce();
  const url = oauth.authorizationUrl({
    state: randomBytes(8).toString('hex'),
    codeChallenge: challenge,
    redirectUri: REDIRECT_URI,
    loginHint: accountId,
  });
  const consent = await fetch(url, { redirect: 'manual' });
  const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code');
  check(consent.status === 302 && code !== null, `authorize answered ${consent.status} without a code`);
  const response = await fetch(google.endpoints.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code ?? '',
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
      client_id: google.client.clientId,
      client_secret: google.client.clientSecret,
    }).toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  check(response.status === 200, `token exchange answered ${response.status}: ${JSON.stringify(body)}`);
  return {
    accessToken: String(body.access_token),
    refreshToken: String(body.refresh_token),
    expiresAt: Date.now() + Number(body.expires_in) * 1000,
    scopes: String(body.scope).split(' '),
  };
}

export interface ProbeWorld {
  readonly organizationId: string;
  readonly adminUserId: string;
  /** Connection i belongs to user i and emulator account `accountIds[i]`. */
  readonly connectionIds: readonly string[];
  readonly userIds: readonly string[];
  readonly accountIds: readonly string[];
  readonly tokens: readonly OAuthTokens[];
}

const CHUNK = 5_000;

/**
 * N people, each with one linked Google Calendar connection (CONNECTED, HEALTHY) whose emulator-issued tokens
 * are sealed under `keyring` as the gateway seals them. Users and connections come from generate_series;
 * the sealed credentials are inserted 5,000 rows a statement.
 */
export async function seedProbeWorld(options: {
  readonly bare: pg.Pool;
  readonly db: Parameters<typeof createOrganization>[0];
  readonly keyring: Keyring;
  readonly google: GoogleEmulator;
  readonly connections: number;
  /** Emulator accounts behind the connections (connection i uses account i mod this); default one each. */
  readonly accounts?: number;
  readonly slug?: string;
}): Promise<ProbeWorld> {
  const { bare, keyring, google, connections: n } = options;
  const slug = options.slug ?? `probes-${randomBytes(4).toString('hex')}`;
  const organization = await createOrganization(options.db, { name: 'Probe bench', slug });
  const admin = await createUser(options.db, {
    organizationId: organization.id,
    name: 'Bench admin',
    email: `admin@${slug}.example`,
    role: 'ADMIN',
  });
  const oauth = emulatorOAuth(google);
  const a = Math.max(1, Math.min(n, options.accounts ?? n));
  const distinct = Array.from(
    { length: a },
    (_, i) => google.accounts.create({ email: `p${i}@${slug}.example` }).id,
  );
  const granted: OAuthTokens[] = new Array(a);
  await pool([0, a], 64, async (i) => {
    granted[i] = await issueTokens(google, oauth, distinct[i]!);
  });
  const accountIds = Array.from({ length: n }, (_, i) => distinct[i % a]!);
  const tokens = Array.from({ length: n }, (_, i) => granted[i % a]!);
  const tag = slug.replace(/[^a-z0-9]/g, '');
  const userIds = Array.from({ length: n }, (_, i) => `usr_${tag}_${i}`);
  const connectionIds = Array.from({ length: n }, (_, i) => `con_${tag}_${i}`);
  await bare.query(
    `INSERT INTO users (id, organization_id, name, email, role)
     SELECT 'usr_' || $2 || '_' || g, $1, 'Person ' || g, 'p' || g || '@' || $3 || '.example', 'MEMBER'
     FROM generate_series(0, $4::int - 1) g`,
    [organization.id, tag, slug, n],
  );
  await bare.query(
    `INSERT INTO connections (id, organization_id, user_id, provider, kind, account_external_id, account_email,
       status, health)
     SELECT 'con_' || $2 || '_' || g, $1, 'usr_' || $2 || '_' || g, 'GOOGLE_CALENDAR', 'CALENDAR',
       ($4::text[])[g + 1] || '#' || g, 'p' || g || '@' || $3 || '.example', 'CONNECTED', 'HEALTHY'
     FROM generate_series(0, $5::int - 1) g`,
    [organization.id, tag, slug, accountIds, n],
  );
  for (let from = 0; from < n; from += CHUNK) {
    const ids = connectionIds.slice(from, from + CHUNK);
    const sealed = ids.map((id, k) =>
      sealSecret(
        keyring,
        JSON.stringify({
          accessToken: tokens[from + k]!.accessToken,
          refreshToken: tokens[from + k]!.refreshToken,
        }),
        `connection_credentials:${id}`,
      ),
    );
    const expires = ids.map((_, k) => new Date(tokens[from + k]!.expiresAt ?? Date.now()).toISOString());
    await bare.query(
      `INSERT INTO connection_credentials (connection_id, key_id, ciphertext, access_token_expires_at, scopes)
       SELECT c.id, $2, c.ciphertext, c.expires, $5::text[]
       FROM unnest($1::text[], $3::text[], $4::timestamptz[]) AS c(id, ciphertext, expires)`,
      [ids, keyring.activeKeyId, sealed, expires, tokens[0]!.scopes],
    );
  }
  await bare.query('VACUUM (ANALYZE) connections');
  await bare.query('VACUUM (ANALYZE) connection_credentials');
  return {
    organizationId: organization.id,
    adminUserId: admin.id,
    connectionIds,
    userIds,
    accountIds,
    tokens,
  };
}

/** How many of the organization's connections were recorded exactly `probes` times since seeding (each
 * recorded probe bumps the row's version by one, from 1), how many more often, and how many fewer. */
export async function probeCounts(
  bare: pg.Pool,
  organizationId: string,
  probes: number,
): Promise<{ exactly: number; over: number; under: number; notHealthy: number }> {
  const { rows } = await bare.query(
    `SELECT count(*) FILTER (WHERE version = 1 + $2::int)::int AS exactly,
            count(*) FILTER (WHERE version > 1 + $2::int)::int AS over,
            count(*) FILTER (WHERE version < 1 + $2::int)::int AS under,
            count(*) FILTER (WHERE status <> 'CONNECTED' OR health <> 'HEALTHY')::int AS "notHealthy"
     FROM connections WHERE organization_id = $1`,
    [organizationId, probes],
  );
  return rows[0] as { exactly: number; over: number; under: number; notHealthy: number };
}

/** Forgets the finished probe round (pg-boss keeps one job per connection and round), so the next gateway
 * start plans a new one: the benchmark's way to run several rounds within one interval. */
export async function forgetProbeRound(bare: pg.Pool): Promise<void> {
  await bare.query(`DELETE FROM pgboss.job WHERE name LIKE 'probe.%'`);
}

export interface ChildGateway {
  readonly url: string;
  /** The demo organizations' access, when the child seeded them (`seedDemo`). */
  readonly demo: DemoAccess | null;
  readonly pid: number;
  /** Resident set size now, and the peak so far (VmRSS / VmHWM of /proc/<pid>/status), in bytes. */
  rss(): { now: number; peak: number };
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./gateway-child.mjs', import.meta.url));

/** A gateway in a Node process of its own, on `config` (gatewayConfig overrides), with adapters for the
 * Google emulator running in this process (null: the default providers), seeding the demo when asked. */
export async function startChildGateway(
  config: Record<string, unknown>,
  google: GoogleEmulator | null,
  nodeOptions: readonly string[] = [],
  options: { seedDemo?: boolean } = {},
): Promise<ChildGateway> {
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, CHILD], {
    env: {
      ...process.env,
      BENCH_GATEWAY_CONFIG: JSON.stringify(config),
      ...(google === null
        ? {}
        : { BENCH_GATEWAY_GOOGLE: JSON.stringify({ client: google.client, endpoints: google.endpoints }) }),
      ...(options.seedDemo ? { BENCH_GATEWAY_SEED_DEMO: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit');
  // A benchmark that fails or is interrupted must not leave gateways running (and probing) behind it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  void exited.then(() => process.off('exit', orphan));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(() => null),
  ]);
  check(first !== null, `the gateway process exited: ${stderr}`);
  const { url, demo } = JSON.parse(first as string) as { url: string; demo: DemoAccess | null };
  const pid = child.pid as number;
  return {
    url,
    demo,
    pid,
    rss() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = (field: string) =>
        Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
      return { now: kib('VmRSS'), peak: kib('VmHWM') };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
