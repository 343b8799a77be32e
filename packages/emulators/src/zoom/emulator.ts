// A loopback Zoom REST API v2 + Zoom OAuth emulator with per-account fault injection and signed
// `app_deauthorized` webhook delivery.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyFaultControl, controlAccount, FaultBook } from '../faults.js';
import { authorizationRedirect, parseJson, readText, record, redirectAllowed } from '../http.js';
import { apiError, gatewayPage, oauthError, oauthErrorPage, sendJson, zoomSignature } from './wire.js';

export const ZOOM_EMULATOR_CLIENT_ID = 'zoomEmuClientId01';
export const ZOOM_EMULATOR_CLIENT_SECRET = 'zoom-emulator-client-secret';
export const ZOOM_EMULATOR_WEBHOOK_SECRET = 'zoom-emulator-webhook-secret-token';
/** Granular scopes the emulator grants unless the authorize request names others. */
export const ZOOM_SCOPES = [
  'user:read:user',
  'meeting:write:meeting',
  'meeting:read:list_meetings',
  'meeting:delete:meeting',
] as const;

export interface ZoomEmulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Allowed redirect URIs; any http(s) URI when absent. */
  readonly redirectUris?: readonly string[];
  readonly accessTokenTtlSeconds?: number;
}

export interface ZoomEmulatorAccount {
  /** Zoom user id (`GET /users/me` → `id`), the connection's external id. */
  readonly id: string;
  /** Zoom account id (`account_id`). */
  readonly accountId: string;
  readonly email: string;
}

export interface ZoomEmulatorEndpoints {
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  /** API root including `/v2`. */
  readonly apiBaseUrl: string;
}

export interface ZoomDeauthorizationInput {
  /** Zoom user id (or pass `accountId`). */
  readonly userId?: string;
  readonly accountId?: string;
  readonly webhookUrl: string;
  readonly secretToken?: string;
  /** Seconds since epoch for `x-zm-request-timestamp` (defaults to now). */
  readonly timestampSeconds?: number;
}

export interface ZoomWebhookDelivery {
  readonly status: number;
  readonly body: string;
  /** What was sent, so a test can replay it byte for byte. */
  readonly headers: Record<string, string>;
  readonly rawBody: string;
}

export interface ZoomEmulator {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly endpoints: ZoomEmulatorEndpoints;
  readonly accounts: { create(input: { email: string }): ZoomEmulatorAccount };
  readonly faults: FaultBook;
  /** Test helper: API requests that reached a handler (after faults), by `METHOD path`. */
  readonly requests: readonly string[];
  /** Test helper: meetings currently stored for a user. */
  meetings(userId: string): readonly { id: number; topic: string; join_url: string }[];
  /** POSTs a correctly signed `app_deauthorized` event and revokes the grant, as Zoom does. */
  sendDeauthorization(input: ZoomDeauthorizationInput): Promise<ZoomWebhookDelivery>;
  stop(): Promise<void>;
}

interface Meeting {
  id: number;
  uuid: string;
  topic: string;
  start_time: string;
  duration: number;
  join_url: string;
  start_url: string;
  agenda: string;
  created_at: string;
}

interface Account {
  id: string;
  accountId: string;
  email: string;
  meetings: Map<number, Meeting>;
}

interface Grant {
  userId: string;
  scopes: string[];
}

interface PendingCode extends Grant {
  redirectUri: string;
  challenge: string | null;
  expiresAt: number;
}

/** The granular scope each route needs. */
function scopeFor(method: string, path: string): string | null {
  if (method === 'GET' && path === '/users/me') return 'user:read:user';
  if (method === 'POST' && path === '/users/me/meetings') return 'meeting:write:meeting';
  if (method === 'GET' && path === '/users/me/meetings') return 'meeting:read:list_meetings';
  if (method === 'DELETE' && /^\/meetings\/[^/]+$/.test(path)) return 'meeting:delete:meeting';
  return null;
}

function zoomId(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}

function token(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export async function startZoomEmulator(options: ZoomEmulatorOptions = {}): Promise<ZoomEmulator> {
  const clientId = options.clientId ?? ZOOM_EMULATOR_CLIENT_ID;
  const clientSecret = options.clientSecret ?? ZOOM_EMULATOR_CLIENT_SECRET;
  const ttlSeconds = options.accessTokenTtlSeconds ?? 3599;
  const faults = new FaultBook();
  const accounts = new Map<string, Account>();
  const byEmail = new Map<string, Account>();
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, Grant & { expiresAt: number }>();
  const refreshTokens = new Map<string, Grant>();
  const requests: string[] = [];
  let url = '';

  function createAccount(email: string): Account {
    const existing = byEmail.get(email.toLowerCase());
    if (existing) return existing;
    const account: Account = { id: zoomId(), accountId: zoomId(), email, meetings: new Map() };
    accounts.set(account.id, account);
    byEmail.set(email.toLowerCase(), account);
    return account;
  }

  function issueTokens(grant: Grant): Record<string, unknown> {
    const dropped = faults.droppedScopes(grant.userId);
    const scopes = grant.scopes.filter((s) => !dropped.has(s));
    const accessToken = token('eyJzdiI6IjAwMDAwMSIsImFsZyI6IkhTNTEyIn0.');
    const refreshToken = token('eyJzdiI6IjAwMDAwMSIsInJ0IjoiMSJ9.');
    accessTokens.set(accessToken, { ...grant, scopes, expiresAt: Date.now() + ttlSeconds * 1000 });
    refreshTokens.set(refreshToken, { ...grant, scopes });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      refresh_token: refreshToken,
      expires_in: ttlSeconds,
      scope: scopes.join(' '),
      api_url: url,
    };
  }

  /** Counted faults and latency; true when the request was answered (or the socket destroyed). */
  async function countedFault(
    userId: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> {
    const fault = await faults.intercept(userId, request.socket);
    if (fault === null) return false;
    if (fault.kind === 'RESET_CONNECTION') return true;
    if (fault.kind === 'RATE_LIMIT') {
      apiError(
        response,
        429,
        429,
        'You have reached the maximum per-second rate limit for this API. Try again later.',
        {
          'retry-after': String(fault.retryAfterSeconds),
          'x-ratelimit-category': 'Light',
          'x-ratelimit-type': 'QPS',
          'x-ratelimit-limit': '30',
          'x-ratelimit-remaining': '0',
        },
      );
      return true;
    }
    response.writeHead(fault.status, { 'content-type': 'text/html' });
    response.end(gatewayPage(fault.status));
    return true;
  }

  // ---------------------------------------------------------------- OAuth

  function authorize(query: URLSearchParams, response: ServerResponse): void {
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== clientId) {
      oauthErrorPage(response, 'Invalid client_id: (4,700)');
      return;
    }
    if (!redirectAllowed(options.redirectUris, redirectUri)) {
      oauthErrorPage(response, 'Invalid redirect: (4,700)');
      return;
    }
    const { fail, code: redirectWithCode } = authorizationRedirect(response, redirectUri, query.get('state'));
    if (query.get('response_type') !== 'code') {
      fail('unsupported_response_type', 'Unsupported response type');
      return;
    }
    const challenge = query.get('code_challenge');
    if (challenge !== null && (query.get('code_challenge_method') ?? 'plain') !== 'S256') {
      fail('invalid_request', 'Only code_challenge_method=S256 is supported');
      return;
    }
    // Auto-consent for the account named by login_hint (or `account`, an email or a user id).
    const hint = query.get('login_hint') ?? query.get('account');
    const account = hint ? (byEmail.get(hint.toLowerCase()) ?? accounts.get(hint)) : undefined;
    if (!account) {
      fail('access_denied', 'The user did not authorize the app');
      return;
    }
    if (faults.isDeleted(account.id)) {
      fail('access_denied', 'User does not exist');
      return;
    }
    faults.healGrant(account.id);
    const requested = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      userId: account.id,
      scopes: requested.length > 0 ? requested : [...ZOOM_SCOPES],
      redirectUri,
      challenge,
      expiresAt: Date.now() + 10 * 60_000,
    });
    redirectWithCode(code);
  }

  /** HTTP Basic client authentication (`Authorization: Basic base64(client_id:client_secret)`). */
  function clientAuthenticated(request: IncomingMessage): boolean {
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!basic) return false;
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    return at > 0 && decoded.slice(0, at) === clientId && decoded.slice(at + 1) === clientSecret;
  }

  async function tokenEndpoint(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readText(request);
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    const form = new URLSearchParams(text);
    for (const [name, value] of query) if (!form.has(name)) form.set(name, value);
    if (!clientAuthenticated(request)) {
      // 400, not 401: https://github.com/JubaerHossain/zoom-laravel/issues/3
      oauthError(response, 400, 'invalid_client', 'Invalid client_id or client_secret');
      return;
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.expiresAt < Date.now()) {
        oauthError(response, 400, 'invalid_grant', 'Invalid authorization code');
        return;
      }
      if (await countedFault(code.userId, request, response)) return;
      codes.delete(form.get('code') ?? '');
      if (code.redirectUri !== form.get('redirect_uri')) {
        oauthError(response, 400, 'invalid_grant', 'Invalid redirect uri');
        return;
      }
      if (code.challenge !== null) {
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
          oauthError(response, 400, 'invalid_request', 'Invalid code verifier');
          return;
        }
      }
      sendJson(response, 200, issueTokens(code), { 'cache-control': 'no-store' });
      return;
    }
    if (grantType === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const grant = refreshTokens.get(presented);
      if (!grant) {
        oauthError(response, 400, 'invalid_grant', 'Invalid Token!');
        return;
      }
      if (await countedFault(grant.userId, request, response)) return;
      if (faults.isRevoked(grant.userId) || faults.isDeleted(grant.userId)) {
        refreshTokens.delete(presented);
        oauthError(response, 400, 'invalid_grant', 'Invalid Token!');
        return;
      }
      // Zoom rotates the refresh token on every refresh: the presented one stops working now.
      refreshTokens.delete(presented);
      faults.healAccessToken(grant.userId);
      sendJson(response, 200, issueTokens(grant), { 'cache-control': 'no-store' });
      return;
    }
    oauthError(response, 400, 'unsupported_grant_type', 'Unsupported grant type');
  }

  async function revokeEndpoint(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readText(request);
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    const presented = query.get('token') ?? new URLSearchParams(text).get('token') ?? '';
    if (!clientAuthenticated(request)) {
      oauthError(response, 401, 'invalid_client', 'Invalid client_id or client_secret');
      return;
    }
    const grant = accessTokens.get(presented) ?? refreshTokens.get(presented);
    if (!grant) {
      oauthError(response, 400, 'invalid_request', 'Invalid Token!');
      return;
    }
    for (const [key, value] of accessTokens) if (value.userId === grant.userId) accessTokens.delete(key);
    for (const [key, value] of refreshTokens) if (value.userId === grant.userId) refreshTokens.delete(key);
    sendJson(response, 200, { status: 'success' });
  }

  // ---------------------------------------------------------------- REST API v2

  async function api(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
  ): Promise<void> {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const grant = bearer ? accessTokens.get(bearer) : undefined;
    if (!grant) {
      apiError(response, 401, 124, 'Invalid access token.');
      return;
    }
    const account = accounts.get(grant.userId)!;
    if (await countedFault(account.id, request, response)) return;
    if (faults.isRevoked(account.id)) {
      apiError(response, 401, 124, 'Invalid access token.');
      return;
    }
    if (faults.isAccessTokenExpired(account.id) || grant.expiresAt < Date.now()) {
      apiError(response, 401, 124, 'Access token is expired.');
      return;
    }
    if (faults.isDeleted(account.id)) {
      apiError(response, 404, 1001, `User does not exist: ${account.id}.`);
      return;
    }
    const needed = scopeFor(method, path);
    const dropped = faults.droppedScopes(account.id);
    if (needed !== null && (!grant.scopes.includes(needed) || dropped.has(needed))) {
      apiError(response, 400, 4711, `Invalid access token, does not contain scopes:[${needed}].`);
      return;
    }
    requests.push(`${method} ${path}`);

    if (method === 'GET' && path === '/users/me') {
      sendJson(response, 200, {
        id: account.id,
        first_name: account.email.split('@')[0] ?? '',
        last_name: '',
        display_name: account.email.split('@')[0] ?? '',
        email: account.email,
        type: 2,
        role_name: 'Owner',
        pmi: 1_000_000_000 + randomInt(1_000_000),
        timezone: 'UTC',
        verified: 1,
        account_id: account.accountId,
        status: 'active',
      });
      return;
    }
    if (method === 'POST' && path === '/users/me/meetings') {
      const input = record(parseJson(await readText(request)));
      const topic = typeof input.topic === 'string' ? input.topic : 'Zoom meeting';
      if (topic.length > 200) {
        apiError(response, 300, 300, 'Validation Failed.');
        return;
      }
      const id = 80_000_000_000 + randomInt(1_000_000_000);
      const pwd = randomBytes(16).toString('base64url');
      const meeting: Meeting = {
        id,
        uuid: `${randomBytes(16).toString('base64')}`,
        topic,
        start_time:
          typeof input.start_time === 'string'
            ? new Date(input.start_time).toISOString().replace(/\.\d{3}Z$/, 'Z')
            : new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        duration: typeof input.duration === 'number' ? input.duration : 60,
        join_url: `https://us06web.zoom.us/j/${id}?pwd=${pwd}`,
        start_url: `https://us06web.zoom.us/s/${id}?zak=${randomBytes(24).toString('base64url')}`,
        agenda: typeof input.agenda === 'string' ? input.agenda.slice(0, 2000) : '',
        created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
      account.meetings.set(id, meeting);
      // Committed, but the answer is lost (Zoom's create has no idempotency key).
      if (faults.takeCommitThenReset(account.id)) return void response.socket?.destroy();
      sendJson(response, 201, {
        ...meeting,
        host_id: account.id,
        host_email: account.email,
        type: typeof input.type === 'number' ? input.type : 2,
        status: 'waiting',
        timezone: typeof input.timezone === 'string' ? input.timezone : 'UTC',
        password: pwd.slice(0, 10),
      });
      return;
    }
    // List meetings (https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/users/{userId}/meetings):
    // scheduled meetings, one page (an emulated account never holds more than a page).
    if (method === 'GET' && path === '/users/me/meetings') {
      const meetings = [...account.meetings.values()].map(({ start_url: _start, ...m }) => ({
        ...m,
        host_id: account.id,
        type: 2,
        timezone: 'UTC',
      }));
      sendJson(response, 200, {
        page_size: 300,
        total_records: meetings.length,
        next_page_token: '',
        meetings,
      });
      return;
    }
    const meetingId = /^\/meetings\/([^/]+)$/.exec(path)?.[1];
    if (meetingId !== undefined && method === 'DELETE') {
      const id = Number(decodeURIComponent(meetingId));
      if (!account.meetings.delete(id)) {
        apiError(response, 404, 3001, `Meeting does not exist: ${decodeURIComponent(meetingId)}.`);
        return;
      }
      sendJson(response, 204, undefined);
      return;
    }
    apiError(response, 404, 404, 'Not Found');
  }

  // ---------------------------------------------------------------- deauthorization webhook

  async function sendDeauthorization(input: ZoomDeauthorizationInput): Promise<ZoomWebhookDelivery> {
    const account =
      (input.userId !== undefined ? accounts.get(input.userId) : undefined) ??
      [...accounts.values()].find((a) => a.accountId === input.accountId);
    if (!account) throw new Error(`no Zoom account ${input.userId ?? input.accountId ?? ''}`);
    faults.inject(account.id, { kind: 'REVOKE_GRANT' });
    for (const [key, value] of refreshTokens) if (value.userId === account.id) refreshTokens.delete(key);
    const now = Date.now();
    const rawBody = JSON.stringify({
      event: 'app_deauthorized',
      event_ts: now,
      payload: {
        account_id: account.accountId,
        user_id: account.id,
        signature: randomBytes(32).toString('hex'),
        deauthorization_time: new Date(now).toISOString(),
        client_id: clientId,
      },
    });
    const timestamp = String(input.timestampSeconds ?? Math.floor(now / 1000));
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Zoom Marketplace/1.0a',
      'x-zm-request-timestamp': timestamp,
      'x-zm-signature': zoomSignature(input.secretToken ?? ZOOM_EMULATOR_WEBHOOK_SECRET, timestamp, rawBody),
    };
    const response = await fetch(input.webhookUrl, { method: 'POST', headers, body: rawBody });
    return { status: response.status, body: await response.text(), headers, rawBody };
  }

  // ---------------------------------------------------------------- control API

  async function control(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
  ): Promise<void> {
    if (method === 'POST' && path === '/_control/accounts') {
      const email = record(parseJson(await readText(request))).email;
      if (typeof email !== 'string' || !email.includes('@')) {
        sendJson(response, 400, { error: 'email is required' });
        return;
      }
      const account = createAccount(email);
      sendJson(response, 201, { id: account.id, accountId: account.accountId, email: account.email });
      return;
    }
    const match = /^\/_control\/accounts\/([^/]+)\/(faults|deauthorize)$/.exec(path);
    if (match?.[1] === undefined) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    const accountId = controlAccount(accounts, match[1])?.id;
    if (accountId === undefined) {
      sendJson(response, 404, { error: `no account ${match[1]}` });
      return;
    }
    if (match?.[2] === 'deauthorize' && method === 'POST') {
      const input = record(parseJson(await readText(request)));
      if (typeof input.webhookUrl !== 'string') {
        sendJson(response, 400, { error: 'webhookUrl is required' });
        return;
      }
      const delivery = await sendDeauthorization({
        userId: accountId,
        webhookUrl: input.webhookUrl,
        ...(typeof input.secretToken === 'string' ? { secretToken: input.secretToken } : {}),
      });
      sendJson(response, 200, { status: delivery.status, body: delivery.body });
      return;
    }
    const body = method === 'POST' ? parseJson(await readText(request)) : undefined;
    const answer = applyFaultControl(faults, accountId, method, body);
    if (answer) sendJson(response, answer.status, answer.body);
    else sendJson(response, 405, { error: 'method not allowed' });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const path = parsed.pathname;
    if (path.startsWith('/_control/')) return control(request, response, method, path);
    if (path === '/oauth/authorize' && method === 'GET') return authorize(parsed.searchParams, response);
    if (path === '/oauth/token' && method === 'POST') return tokenEndpoint(request, response);
    if (path === '/oauth/revoke' && method === 'POST') return revokeEndpoint(request, response);
    if (path.startsWith('/v2/'))
      return api(request, response, method, path.slice('/v2'.length).replace(/\/$/, ''));
    apiError(response, 404, 404, 'Not Found');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) apiError(response, 500, 500, String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    clientId,
    clientSecret,
    endpoints: {
      authorizeUrl: `${url}/oauth/authorize`,
      tokenUrl: `${url}/oauth/token`,
      revokeUrl: `${url}/oauth/revoke`,
      apiBaseUrl: `${url}/v2`,
    },
    accounts: {
      create: ({ email }) => {
        const account = createAccount(email);
        return { id: account.id, accountId: account.accountId, email: account.email };
      },
    },
    faults,
    requests,
    meetings: (userId) =>
      [...(accounts.get(userId)?.meetings.values() ?? [])].map(({ id, topic, join_url }) => ({
        id,
        topic,
        join_url,
      })),
    sendDeauthorization,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
