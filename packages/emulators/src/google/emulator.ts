// A loopback Google: OAuth 2.0 authorization server (authorize, token, revoke, tokeninfo, OpenID userinfo) and
// the slice of Calendar v3 the adapters call, answering with Google's real wire shapes, plus per-account fault
// injection and a small control API (`/_control/...`) for tests and the embedded gateway.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { applyFaultControl, controlAccount, FaultBook } from '../faults.js';
import {
  AccountCalendar,
  EVENT_ID,
  type EventTime,
  eventStartMs,
  meetCode,
  newEventId,
  type StoredEvent,
} from './calendar-store.js';
import { authorizeErrorPage, calendarErrors, type GoogleWireError, oauthError } from './wire.js';

export const GOOGLE_SCOPES = Object.freeze({
  calendar: 'https://www.googleapis.com/auth/calendar',
  calendarReadonly: 'https://www.googleapis.com/auth/calendar.readonly',
  events: 'https://www.googleapis.com/auth/calendar.events',
  eventsReadonly: 'https://www.googleapis.com/auth/calendar.events.readonly',
  freebusy: 'https://www.googleapis.com/auth/calendar.freebusy',
});

export interface GoogleEmulatorClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Allowed redirect URIs; when absent any http(s) URI is accepted. */
  readonly redirectUris?: readonly string[];
}

export interface GoogleEmulatorOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Access token lifetime (`expires_in`), default 3600 s. */
  readonly accessTokenTtlSeconds?: number;
  /** Issue a new refresh token on every refresh and invalidate the old one (Google does not by default). */
  readonly rotateRefreshTokens?: boolean;
  readonly clients?: readonly GoogleEmulatorClient[];
}

export interface GoogleEmulatorAccount {
  /** The OpenID `sub`. */
  readonly id: string;
  readonly email: string;
}

export interface GoogleEmulatorEndpoints {
  /** Pass as `rootUrl` to googleapis; Calendar lives under `/calendar/v3/`. */
  readonly apiRoot: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  readonly userinfoUrl: string;
  readonly tokeninfoUrl: string;
}

export interface GoogleEmulator {
  readonly url: string;
  readonly endpoints: GoogleEmulatorEndpoints;
  /** The client registered by default (or the first of `options.clients`). */
  readonly client: GoogleEmulatorClient;
  readonly faults: FaultBook;
  readonly accounts: {
    create(input: { email: string }): GoogleEmulatorAccount;
    get(id: string): GoogleEmulatorAccount | undefined;
    list(): GoogleEmulatorAccount[];
    /** Makes every sync token issued so far answer 410 fullSyncRequired. */
    invalidateSyncTokens(id: string): void;
  };
  setRotateRefreshTokens(rotate: boolean): void;
  stop(): Promise<void>;
}

export const DEFAULT_GOOGLE_EMULATOR_CLIENT: GoogleEmulatorClient = Object.freeze({
  clientId: 'tsunagi-emulator.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-tsunagi-emulator-secret',
});

interface Grant {
  readonly accountId: string;
  readonly clientId: string;
  scopes: string[];
}

interface AuthCode {
  readonly grant: Grant;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly offline: boolean;
  readonly expiresAt: number;
}

interface AccessToken {
  readonly grant: Grant;
  readonly expiresAt: number;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** Scopes any one of which allows the call. */
  readonly scopes: readonly string[];
  readonly name: string;
  readonly handle: (ctx: ApiContext, match: RegExpExecArray) => Promise<void> | void;
}

interface ApiContext {
  readonly account: GoogleEmulatorAccount;
  readonly calendar: AccountCalendar;
  readonly url: URL;
  readonly body: unknown;
  readonly res: ServerResponse;
}

const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body, null, 2);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
    'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
    ...headers,
  });
  res.end(text);
}

function sendWire(res: ServerResponse, error: GoogleWireError): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(error.status, { 'content-type': error.contentType, ...error.headers });
  res.end(error.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 1_000_000) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol.for('invalid-json');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function eventTime(value: unknown): EventTime | undefined {
  if (!isObject(value)) return undefined;
  const time: EventTime = {};
  if (typeof value.dateTime === 'string' && !Number.isNaN(Date.parse(value.dateTime)))
    time.dateTime = new Date(value.dateTime).toISOString();
  else if (typeof value.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.date)) time.date = value.date;
  else return undefined;
  if (typeof value.timeZone === 'string') time.timeZone = value.timeZone;
  return time;
}

export async function startGoogleEmulator(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  const clients = options.clients?.length ? options.clients : [DEFAULT_GOOGLE_EMULATOR_CLIENT];
  const ttlSeconds = options.accessTokenTtlSeconds ?? 3600;
  let rotate = options.rotateRefreshTokens ?? false;
  const faults = new FaultBook();
  const accounts = new Map<string, GoogleEmulatorAccount>();
  const calendars = new Map<string, AccountCalendar>();
  /** Scopes granted so far per account+client (include_granted_scopes unions with these). */
  const grants = new Map<string, Grant>();
  const codes = new Map<string, AuthCode>();
  const accessTokens = new Map<string, AccessToken>();
  const refreshTokens = new Map<string, Grant>();
  const sockets = new Set<Socket>();
  let origin = '';

  const clientById = (id: unknown) => clients.find((c) => c.clientId === id);
  const accountByHint = (hint: string | null) =>
    hint === null
      ? undefined
      : (accounts.get(hint) ??
        [...accounts.values()].find((a) => a.email.toLowerCase() === hint.toLowerCase()));

  function createAccount(input: { email: string }): GoogleEmulatorAccount {
    const email = input.email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error(`not an email address: ${input.email}`);
    if ([...accounts.values()].some((a) => a.email.toLowerCase() === email.toLowerCase()))
      throw new Error(`account ${email} already exists`);
    // Google subjects are 21-digit decimal strings.
    const id = `1${Array.from(randomBytes(20), (b) => String(b % 10)).join('')}`;
    const account = Object.freeze({ id, email });
    accounts.set(id, account);
    calendars.set(id, new AccountCalendar());
    return account;
  }

  /** Drops every token of a grant (revocation revokes the whole grant, as Google does). */
  function revokeGrant(grant: Grant): void {
    for (const [t, a] of accessTokens) if (a.grant === grant) accessTokens.delete(t);
    for (const [t, g] of refreshTokens) if (g === grant) refreshTokens.delete(t);
    grants.delete(`${grant.accountId} ${grant.clientId}`);
  }

  function effectiveScopes(grant: Grant): string[] {
    const dropped = faults.droppedScopes(grant.accountId);
    return grant.scopes.filter((s) => !dropped.has(s));
  }

  function issueAccessToken(grant: Grant): { token: string; expiresIn: number } {
    const t = token('ya29.');
    accessTokens.set(t, { grant, expiresAt: Date.now() + ttlSeconds * 1000 });
    return { token: t, expiresIn: ttlSeconds };
  }

  function idToken(account: GoogleEmulatorAccount, clientId: string): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    // Unsigned (alg none): consumers read identity from userinfo, this only mirrors Google's response shape.
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({
      iss: origin,
      aud: clientId,
      azp: clientId,
      sub: account.id,
      email: account.email,
      email_verified: true,
      iat: now,
      exp: now + ttlSeconds,
    })}.`;
  }

  // ---- OAuth -------------------------------------------------------------------------------------------------

  function authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const client = clientById(q.get('client_id'));
    if (!client) {
      sendWire(res, authorizeErrorPage(401, 'invalid_client', 'The OAuth client was not found.'));
      return;
    }
    const redirectUri = q.get('redirect_uri') ?? '';
    let redirect: URL;
    try {
      redirect = new URL(redirectUri);
      if (redirect.protocol !== 'http:' && redirect.protocol !== 'https:') throw new Error('scheme');
    } catch {
      sendWire(res, authorizeErrorPage(400, 'invalid_request', 'Invalid parameter value for redirect_uri'));
      return;
    }
    if (client.redirectUris && !client.redirectUris.includes(redirectUri)) {
      sendWire(
        res,
        authorizeErrorPage(
          400,
          'redirect_uri_mismatch',
          `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri=${redirectUri}`,
        ),
      );
      return;
    }
    const state = q.get('state');
    const back = (params: Record<string, string>) => {
      for (const [k, v] of Object.entries(params)) redirect.searchParams.set(k, v);
      if (state !== null) redirect.searchParams.set('state', state);
      res.writeHead(302, { location: redirect.toString() });
      res.end();
    };
    if (q.get('response_type') !== 'code') {
      back({ error: 'unsupported_response_type' });
      return;
    }
    const challenge = q.get('code_challenge');
    if (!challenge || q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      sendWire(
        res,
        authorizeErrorPage(
          400,
          'invalid_request',
          'code_challenge with code_challenge_method=S256 is required',
        ),
      );
      return;
    }
    const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length === 0) {
      sendWire(res, authorizeErrorPage(400, 'invalid_request', 'Missing required parameter: scope'));
      return;
    }
    const account = accountByHint(q.get('account') ?? q.get('login_hint'));
    if (!account || faults.isDeleted(account.id)) {
      back({ error: 'access_denied' });
      return;
    }
    const key = `${account.id} ${client.clientId}`;
    const previous = grants.get(key);
    const granted = q.get('include_granted_scopes') === 'true' && previous ? previous.scopes : [];
    const grant: Grant = {
      accountId: account.id,
      clientId: client.clientId,
      scopes: [...new Set([...granted, ...scopes])],
    };
    // A new consent replaces the grant: earlier refresh tokens of the same client keep working at Google,
    // but they carry the scopes of the new grant only when include_granted_scopes was used. Keep it simple:
    // earlier tokens keep their own grant object.
    grants.set(key, grant);
    faults.healGrant(account.id);
    const code = `4/${randomBytes(30).toString('base64url')}`;
    codes.set(code, {
      grant,
      redirectUri,
      codeChallenge: challenge,
      offline: q.get('access_type') === 'offline',
      expiresAt: Date.now() + 10 * 60_000,
    });
    back({ code, scope: grant.scopes.join(' '), authuser: '0', prompt: 'consent' });
  }

  function tokenEndpoint(form: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id ?? '');
      clientSecret = decodeURIComponent(secret ?? '');
    }
    const grantType = form.get('grant_type');
    if (!grantType) {
      sendWire(res, oauthError(400, 'unsupported_grant_type', 'Invalid grant_type: '));
      return;
    }
    const client = clientById(clientId);
    if (!client) {
      sendWire(res, oauthError(401, 'invalid_client', 'The OAuth client was not found.'));
      return;
    }
    if (clientSecret !== client.clientSecret) {
      sendWire(res, oauthError(401, 'invalid_client', 'Unauthorized'));
      return;
    }
    if (grantType === 'authorization_code') {
      const code = form.get('code');
      if (!code) {
        sendWire(res, oauthError(400, 'invalid_request', 'Missing required parameter: code'));
        return;
      }
      const entry = codes.get(code);
      codes.delete(code);
      if (!entry || entry.expiresAt < Date.now() || entry.grant.clientId !== client.clientId) {
        sendWire(res, oauthError(400, 'invalid_grant', 'Malformed auth code.'));
        return;
      }
      if (form.get('redirect_uri') !== entry.redirectUri) {
        sendWire(res, oauthError(400, 'redirect_uri_mismatch', 'Bad Request'));
        return;
      }
      const verifier = form.get('code_verifier');
      if (!verifier) {
        sendWire(res, oauthError(400, 'invalid_grant', 'Missing code verifier.'));
        return;
      }
      if (s256(verifier) !== entry.codeChallenge) {
        sendWire(res, oauthError(400, 'invalid_grant', 'Invalid code verifier.'));
        return;
      }
      const account = accounts.get(entry.grant.accountId);
      if (!account || faults.isDeleted(account.id)) {
        sendWire(res, oauthError(400, 'invalid_grant', 'Account has been deleted'));
        return;
      }
      const access = issueAccessToken(entry.grant);
      const body: Record<string, unknown> = {
        access_token: access.token,
        expires_in: access.expiresIn,
        scope: effectiveScopes(entry.grant).join(' '),
        token_type: 'Bearer',
        id_token: idToken(account, client.clientId),
      };
      if (entry.offline) {
        const refresh = token('1//');
        refreshTokens.set(refresh, entry.grant);
        body.refresh_token = refresh;
      }
      send(res, 200, body);
      return;
    }
    if (grantType === 'refresh_token') {
      const refresh = form.get('refresh_token');
      if (!refresh) {
        sendWire(res, oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token'));
        return;
      }
      const grant = refreshTokens.get(refresh);
      if (!grant || grant.clientId !== client.clientId) {
        sendWire(res, oauthError(400, 'invalid_grant', 'Token has been expired or revoked.'));
        return;
      }
      if (faults.isDeleted(grant.accountId)) {
        sendWire(res, oauthError(400, 'invalid_grant', 'Account has been deleted'));
        return;
      }
      if (faults.isRevoked(grant.accountId)) {
        sendWire(res, oauthError(400, 'invalid_grant', 'Token has been expired or revoked.'));
        return;
      }
      if (faults.isAccessTokenExpired(grant.accountId)) {
        for (const [t, a] of accessTokens) if (a.grant.accountId === grant.accountId) accessTokens.delete(t);
        faults.healAccessToken(grant.accountId);
      }
      const access = issueAccessToken(grant);
      const body: Record<string, unknown> = {
        access_token: access.token,
        expires_in: access.expiresIn,
        scope: effectiveScopes(grant).join(' '),
        token_type: 'Bearer',
      };
      const account = accounts.get(grant.accountId);
      if (account && grant.scopes.includes('openid')) body.id_token = idToken(account, client.clientId);
      if (rotate) {
        refreshTokens.delete(refresh);
        const next = token('1//');
        refreshTokens.set(next, grant);
        body.refresh_token = next;
      }
      send(res, 200, body);
      return;
    }
    sendWire(res, oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`));
  }

  function revokeEndpoint(value: string | null, res: ServerResponse): void {
    const grant = value ? (refreshTokens.get(value) ?? accessTokens.get(value)?.grant) : undefined;
    if (!grant) {
      sendWire(res, oauthError(400, 'invalid_token', 'Token expired or revoked'));
      return;
    }
    revokeGrant(grant);
    send(res, 200, {});
  }

  /** Resolves a bearer token to its live grant, or answers 401 (Google's shape for the route). */
  function bearer(req: IncomingMessage): { grant: Grant; account: GoogleEmulatorAccount } | undefined {
    const value = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const access = value ? accessTokens.get(value) : undefined;
    const account = access ? accounts.get(access.grant.accountId) : undefined;
    if (!access || !account) return undefined;
    if (access.expiresAt <= Date.now()) return undefined;
    if (
      faults.isRevoked(account.id) ||
      faults.isDeleted(account.id) ||
      faults.isAccessTokenExpired(account.id)
    )
      return undefined;
    return { grant: access.grant, account };
  }

  function userinfo(req: IncomingMessage, res: ServerResponse): void {
    const auth = bearer(req);
    if (!auth) {
      send(
        res,
        401,
        { error: 'invalid_request', error_description: 'Invalid Credentials' },
        { 'www-authenticate': 'Bearer error="invalid_token"' },
      );
      return;
    }
    const scopes = effectiveScopes(auth.grant);
    const body: Record<string, unknown> = { sub: auth.account.id };
    if (scopes.includes('email') || scopes.includes('https://www.googleapis.com/auth/userinfo.email')) {
      body.email = auth.account.email;
      body.email_verified = true;
    }
    send(res, 200, body);
  }

  function tokeninfo(url: URL, res: ServerResponse): void {
    const value = url.searchParams.get('access_token');
    const access = value ? accessTokens.get(value) : undefined;
    const account = access ? accounts.get(access.grant.accountId) : undefined;
    if (!access || !account || access.expiresAt <= Date.now() || faults.isRevoked(account.id)) {
      send(res, 400, { error: 'invalid_token', error_description: 'Invalid Value' });
      return;
    }
    const scopes = effectiveScopes(access.grant);
    send(res, 200, {
      azp: access.grant.clientId,
      aud: access.grant.clientId,
      sub: account.id,
      scope: scopes.join(' '),
      exp: String(Math.floor(access.expiresAt / 1000)),
      expires_in: String(Math.max(0, Math.floor((access.expiresAt - Date.now()) / 1000))),
      ...(scopes.includes('email') ? { email: account.email, email_verified: 'true' } : {}),
      access_type: [...refreshTokens.values()].includes(access.grant) ? 'offline' : 'online',
    });
  }

  // ---- Calendar v3 -------------------------------------------------------------------------------------------

  const READ = [GOOGLE_SCOPES.calendar, GOOGLE_SCOPES.calendarReadonly];
  const EVENTS_READ = [...READ, GOOGLE_SCOPES.events, GOOGLE_SCOPES.eventsReadonly];
  const EVENTS_WRITE = [GOOGLE_SCOPES.calendar, GOOGLE_SCOPES.events];

  /** `primary` and the account's own address name its calendar; anything else is not found. */
  function ownCalendar(ctx: ApiContext, raw: string): boolean {
    const id = decodeURIComponent(raw);
    return id === 'primary' || id.toLowerCase() === ctx.account.email.toLowerCase();
  }

  function eventResource(ctx: ApiContext, event: StoredEvent): Record<string, unknown> {
    const etag = `"${3_400_000_000_000_000 + event.seq}"`;
    if (event.status === 'cancelled')
      return { kind: 'calendar#event', etag, id: event.id, status: 'cancelled' };
    const self = { email: ctx.account.email, self: true };
    return {
      kind: 'calendar#event',
      etag,
      id: event.id,
      status: event.status,
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${event.id} ${ctx.account.email}`).toString('base64url')}`,
      created: event.created,
      updated: event.updated,
      ...(event.summary !== undefined ? { summary: event.summary } : {}),
      ...(event.description !== undefined ? { description: event.description } : {}),
      creator: self,
      organizer: self,
      start: event.start,
      end: event.end,
      ...(event.transparency ? { transparency: event.transparency } : {}),
      iCalUID: `${event.id}@google.com`,
      sequence: 0,
      ...(event.attendees ? { attendees: event.attendees } : {}),
      ...(event.hangoutLink ? { hangoutLink: event.hangoutLink } : {}),
      ...(event.conferenceData ? { conferenceData: event.conferenceData } : {}),
      reminders: { useDefault: true },
      eventType: 'default',
    };
  }

  function applyEventFields(
    event: StoredEvent,
    body: Record<string, unknown>,
    conferenceVersion: number,
  ): GoogleWireError | undefined {
    if ('summary' in body) event.summary = typeof body.summary === 'string' ? body.summary : undefined;
    if ('description' in body)
      event.description = typeof body.description === 'string' ? body.description : undefined;
    if ('start' in body) {
      const start = eventTime(body.start);
      if (!start) return calendarErrors.required('Missing time zone definition for start time.');
      event.start = start;
    }
    if ('end' in body) {
      const end = eventTime(body.end);
      if (!end) return calendarErrors.required('Missing end time.');
      event.end = end;
    }
    if (body.status === 'confirmed' || body.status === 'tentative' || body.status === 'cancelled')
      event.status = body.status;
    if (body.transparency === 'opaque' || body.transparency === 'transparent')
      event.transparency = body.transparency;
    if (Array.isArray(body.attendees)) {
      event.attendees = body.attendees
        .filter(isObject)
        .filter((a) => typeof a.email === 'string')
        .map((a) => ({ email: a.email as string, responseStatus: 'needsAction' }));
    }
    const request = isObject(body.conferenceData) ? body.conferenceData.createRequest : undefined;
    if (conferenceVersion >= 1 && isObject(request) && !event.conferenceData) {
      const key = isObject(request.conferenceSolutionKey) ? request.conferenceSolutionKey.type : undefined;
      if (key !== undefined && key !== 'hangoutsMeet')
        return calendarErrors.invalid('Invalid conference type value.');
      const code = meetCode();
      const uri = `https://meet.google.com/${code}`;
      event.hangoutLink = uri;
      event.conferenceData = {
        createRequest: {
          requestId: typeof request.requestId === 'string' ? request.requestId : randomUUID(),
          conferenceSolutionKey: { type: 'hangoutsMeet' },
          status: { statusCode: 'success' },
        },
        entryPoints: [
          { entryPointType: 'video', uri, label: `meet.google.com/${code}` },
          { entryPointType: 'more', uri: `https://tel.meet/${code}?pin=1234567890`, pin: '1234567890' },
        ],
        conferenceSolution: {
          key: { type: 'hangoutsMeet' },
          name: 'Google Meet',
          iconUri:
            'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
        },
        conferenceId: code,
      };
    }
    if (eventStartMs(event.end) < eventStartMs(event.start)) return calendarErrors.timeRangeEmpty('end');
    return undefined;
  }

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/calendar\/v3\/users\/me\/calendarList$/,
      scopes: READ,
      name: 'calendar.v3.CalendarList.List',
      handle: (ctx) =>
        send(ctx.res, 200, {
          kind: 'calendar#calendarList',
          etag: '"p33c9hvmnhv8o0o"',
          nextSyncToken: 'CKCbrOvx3YkDEhVhY2NvdW50QGV4YW1wbGUuY29t',
          items: [
            {
              kind: 'calendar#calendarListEntry',
              etag: '"1700000000000000"',
              id: ctx.account.email,
              summary: ctx.account.email,
              timeZone: 'UTC',
              colorId: '14',
              backgroundColor: '#9fe1e7',
              foregroundColor: '#000000',
              selected: true,
              accessRole: 'owner',
              defaultReminders: [{ method: 'popup', minutes: 10 }],
              conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
              primary: true,
            },
          ],
        }),
    },
    {
      method: 'GET',
      pattern: /^\/calendar\/v3\/calendars\/([^/]+)$/,
      scopes: READ,
      name: 'calendar.v3.Calendars.Get',
      handle: (ctx, m) => {
        if (!ownCalendar(ctx, m[1]!)) return sendWire(ctx.res, calendarErrors.notFound());
        send(ctx.res, 200, {
          kind: 'calendar#calendar',
          etag: '"1700000000000000"',
          id: ctx.account.email,
          summary: ctx.account.email,
          timeZone: 'UTC',
          conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/calendar\/v3\/freeBusy$/,
      scopes: [...READ, GOOGLE_SCOPES.freebusy, GOOGLE_SCOPES.events, GOOGLE_SCOPES.eventsReadonly],
      name: 'calendar.v3.Freebusy.Query',
      handle: (ctx) => {
        const body = isObject(ctx.body) ? ctx.body : {};
        const timeMin = typeof body.timeMin === 'string' ? Date.parse(body.timeMin) : Number.NaN;
        const timeMax = typeof body.timeMax === 'string' ? Date.parse(body.timeMax) : Number.NaN;
        if (Number.isNaN(timeMin)) return sendWire(ctx.res, calendarErrors.required('Required'));
        if (Number.isNaN(timeMax)) return sendWire(ctx.res, calendarErrors.required('Required'));
        if (timeMax <= timeMin) return sendWire(ctx.res, calendarErrors.timeRangeEmpty('timeMax'));
        const items = Array.isArray(body.items) ? body.items.filter(isObject) : [];
        const result: Record<string, unknown> = {};
        for (const item of items) {
          const id = typeof item.id === 'string' ? item.id : '';
          if (!ownCalendar(ctx, encodeURIComponent(id))) {
            result[id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
            continue;
          }
          const busy = [...ctx.calendar.events.values()]
            .filter((e) => e.status !== 'cancelled' && e.transparency !== 'transparent')
            .map((e) => ({ start: eventStartMs(e.start), end: eventStartMs(e.end) }))
            .filter((r) => r.start < timeMax && r.end > timeMin)
            .sort((a, b) => a.start - b.start)
            .map((r) => ({
              start: new Date(Math.max(r.start, timeMin)).toISOString(),
              end: new Date(Math.min(r.end, timeMax)).toISOString(),
            }));
          result[id] = { busy };
        }
        send(ctx.res, 200, {
          kind: 'calendar#freeBusy',
          timeMin: new Date(timeMin).toISOString(),
          timeMax: new Date(timeMax).toISOString(),
          calendars: result,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
      scopes: EVENTS_READ,
      name: 'calendar.v3.Events.List',
      handle: (ctx, m) => {
        if (!ownCalendar(ctx, m[1]!)) return sendWire(ctx.res, calendarErrors.notFound());
        const q = ctx.url.searchParams;
        const syncToken = q.get('syncToken');
        const timeMin = q.get('timeMin');
        const timeMax = q.get('timeMax');
        let since = 0;
        if (syncToken !== null) {
          if (timeMin !== null || timeMax !== null)
            return sendWire(
              ctx.res,
              calendarErrors.invalid('Sync token cannot be used with other parameters.', 'syncToken'),
            );
          // A token this server could never have issued is a 400 (Google: "Invalid sync token value."); one it
          // issued and no longer honours is 410 fullSyncRequired. Either way only a full sync helps.
          if (!/^CP[A-Za-z0-9_-]+$/.test(syncToken)) {
            return sendWire(ctx.res, calendarErrors.invalid('Invalid sync token value.', 'syncToken'));
          }
          const seq = ctx.calendar.syncTokenSeq(syncToken);
          if (seq === undefined) return sendWire(ctx.res, calendarErrors.fullSyncRequired());
          since = seq;
        }
        const min = timeMin === null ? Number.NEGATIVE_INFINITY : Date.parse(timeMin);
        const max = timeMax === null ? Number.POSITIVE_INFINITY : Date.parse(timeMax);
        if (Number.isNaN(min)) return sendWire(ctx.res, calendarErrors.invalid('Bad Request', 'timeMin'));
        if (Number.isNaN(max)) return sendWire(ctx.res, calendarErrors.invalid('Bad Request', 'timeMax'));
        if (max <= min) return sendWire(ctx.res, calendarErrors.timeRangeEmpty('timeMax'));
        const showDeleted = syncToken !== null || q.get('showDeleted') === 'true';
        const all = [...ctx.calendar.events.values()]
          .filter((e) => e.seq > since)
          .filter((e) => showDeleted || e.status !== 'cancelled')
          .filter((e) => syncToken !== null || (eventStartMs(e.end) > min && eventStartMs(e.start) < max))
          .sort((a, b) => a.seq - b.seq);
        const maxResults = Math.min(2500, Math.max(1, Number(q.get('maxResults') ?? 250) || 250));
        const offset = Number(q.get('pageToken') ?? 0) || 0;
        const page = all.slice(offset, offset + maxResults);
        const more = offset + maxResults < all.length;
        send(ctx.res, 200, {
          kind: 'calendar#events',
          etag: `"p3${Date.now()}"`,
          summary: ctx.account.email,
          updated: new Date().toISOString(),
          timeZone: 'UTC',
          accessRole: 'owner',
          defaultReminders: [{ method: 'popup', minutes: 10 }],
          ...(more
            ? { nextPageToken: String(offset + maxResults) }
            : { nextSyncToken: ctx.calendar.issueSyncToken() }),
          items: page.map((e) => eventResource(ctx, e)),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
      scopes: EVENTS_WRITE,
      name: 'calendar.v3.Events.Insert',
      handle: (ctx, m) => {
        if (!ownCalendar(ctx, m[1]!)) return sendWire(ctx.res, calendarErrors.notFound());
        if (!isObject(ctx.body)) return sendWire(ctx.res, calendarErrors.required('Missing end time.'));
        const body = ctx.body;
        let id = newEventId();
        if (body.id !== undefined) {
          if (typeof body.id !== 'string' || !EVENT_ID.test(body.id))
            return sendWire(ctx.res, calendarErrors.invalid('Invalid resource id value.'));
          if (ctx.calendar.events.has(body.id)) return sendWire(ctx.res, calendarErrors.duplicate());
          id = body.id;
        }
        if (eventTime(body.start) === undefined)
          return sendWire(ctx.res, calendarErrors.required('Missing start time.'));
        if (eventTime(body.end) === undefined)
          return sendWire(ctx.res, calendarErrors.required('Missing end time.'));
        const now = new Date().toISOString();
        const event: StoredEvent = {
          id,
          status: 'confirmed',
          start: {},
          end: {},
          created: now,
          updated: now,
          seq: 0,
        };
        const error = applyEventFields(
          event,
          body,
          Number(ctx.url.searchParams.get('conferenceDataVersion') ?? 0),
        );
        if (error) return sendWire(ctx.res, error);
        event.seq = ctx.calendar.nextSeq();
        ctx.calendar.events.set(id, event);
        // Committed, but the answer is lost: the client must not know whether the event exists.
        if (faults.takeCommitThenReset(ctx.account.id)) return void ctx.res.socket?.destroy();
        send(ctx.res, 200, eventResource(ctx, event));
      },
    },
    {
      method: 'GET',
      pattern: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      scopes: EVENTS_READ,
      name: 'calendar.v3.Events.Get',
      handle: (ctx, m) => {
        if (!ownCalendar(ctx, m[1]!)) return sendWire(ctx.res, calendarErrors.notFound());
        const current = ctx.calendar.events.get(decodeURIComponent(m[2]!));
        if (!current) return sendWire(ctx.res, calendarErrors.notFound());
        send(ctx.res, 200, eventResource(ctx, current));
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      scopes: EVENTS_WRITE,
      name: 'calendar.v3.Events.Patch',
      handle: (ctx, m) => {
        if (!ownCalendar(ctx, m[1]!)) return sendWire(ctx.res, calendarErrors.notFound());
        const current = ctx.calendar.events.get(decodeURIComponent(m[2]!));
        if (!current) return sendWire(ctx.res, calendarErrors.notFound());
        if (!isObject(ctx.body)) return sendWire(ctx.res, calendarErrors.invalid('Bad Request'));
        const next: StoredEvent = { ...current, start: { ...current.start }, end: { ...current.end } };
        const error = applyEventFields(
          next,
          ctx.body,
          Number(ctx.url.searchParams.get('conferenceDataVersion') ?? 0),
        );
        if (error) return sendWire(ctx.res, error);
        next.updated = new Date().toISOString();
        next.seq = ctx.calendar.nextSeq();
        ctx.calendar.events.set(next.id, next);
        send(ctx.res, 200, eventResource(ctx, next));
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      scopes: EVENTS_WRITE,
      name: 'calendar.v3.Events.Delete',
      handle: (ctx, m) => {
        if (!ownCalendar(ctx, m[1]!)) return sendWire(ctx.res, calendarErrors.notFound());
        const current = ctx.calendar.events.get(decodeURIComponent(m[2]!));
        if (!current) return sendWire(ctx.res, calendarErrors.notFound());
        if (current.status === 'cancelled') return sendWire(ctx.res, calendarErrors.deleted());
        current.status = 'cancelled';
        current.updated = new Date().toISOString();
        current.seq = ctx.calendar.nextSeq();
        ctx.res.writeHead(204);
        ctx.res.end();
      },
    },
  ];

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, text: string): Promise<void> {
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    const match = route?.pattern.exec(url.pathname);
    if (!route || !match) {
      sendWire(res, calendarErrors.notFound());
      return;
    }
    // Faults are per account: find it from the token even when the token is no longer accepted.
    const value = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const accountId = value ? accessTokens.get(value)?.grant.accountId : undefined;
    if (accountId !== undefined) {
      const fault = await faults.intercept(accountId, req.socket);
      if (fault?.kind === 'RESET_CONNECTION') return;
      if (fault?.kind === 'RATE_LIMIT') {
        sendWire(res, calendarErrors.rateLimitExceeded(429, fault.retryAfterSeconds));
        return;
      }
      if (fault?.kind === 'SERVER_ERROR') {
        const byStatus = {
          500: calendarErrors.backendError,
          502: calendarErrors.badGatewayHtml,
          503: calendarErrors.unavailable,
          504: calendarErrors.deadlineExceeded,
        } as const;
        sendWire(res, byStatus[fault.status]());
        return;
      }
    }
    const auth = bearer(req);
    if (!auth) {
      sendWire(res, calendarErrors.authError());
      return;
    }
    const scopes = effectiveScopes(auth.grant);
    if (!route.scopes.some((s) => scopes.includes(s))) {
      sendWire(res, calendarErrors.insufficientScope(route.name, route.scopes.join(' ')));
      return;
    }
    const body = parseJson(text);
    if (typeof body === 'symbol') {
      sendWire(res, { ...calendarErrors.invalid('Parse Error'), status: 400 });
      return;
    }
    const calendar = calendars.get(auth.account.id)!;
    await route.handle({ account: auth.account, calendar, url, body, res }, match);
  }

  // ---- Control API -------------------------------------------------------------------------------------------

  function control(req: IncomingMessage, res: ServerResponse, url: URL, text: string) {
    const body = parseJson(text);
    if (req.method === 'POST' && url.pathname === '/_control/accounts') {
      const email = isObject(body) && typeof body.email === 'string' ? body.email : undefined;
      if (!email) return send(res, 400, { error: 'email is required' });
      try {
        return send(res, 201, createAccount({ email }));
      } catch (error) {
        return send(res, 409, { error: (error as Error).message });
      }
    }
    const m = /^\/_control\/accounts\/([^/]+)\/(faults|sync-tokens\/invalidate)$/.exec(url.pathname);
    const account = m ? controlAccount(accounts, m[1]!) : undefined;
    if (m && !account) return send(res, 404, { error: 'no such account' });
    const answer =
      m && account && m[2] === 'faults' ? applyFaultControl(faults, account.id, req.method, body) : null;
    if (answer) return send(res, answer.status, answer.body);
    if (m && account && m[2] === 'sync-tokens/invalidate' && req.method === 'POST') {
      calendars.get(account.id)?.invalidateSyncTokens();
      return send(res, 204, undefined);
    }
    send(res, 404, { error: 'not found' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const text = await readBody(req);
    if (url.pathname.startsWith('/_control/')) return control(req, res, url, text);
    if (url.pathname === '/o/oauth2/v2/auth' && req.method === 'GET') return authorize(url, res);
    if (url.pathname === '/token' && req.method === 'POST')
      return tokenEndpoint(new URLSearchParams(text), req, res);
    if (url.pathname === '/revoke' && req.method === 'POST')
      return revokeEndpoint(url.searchParams.get('token') ?? new URLSearchParams(text).get('token'), res);
    if (url.pathname === '/v1/userinfo' && (req.method === 'GET' || req.method === 'POST'))
      return userinfo(req, res);
    if (url.pathname === '/tokeninfo') {
      const merged = new URL(url);
      const form = new URLSearchParams(text);
      for (const [k, v] of form) merged.searchParams.set(k, v);
      return tokeninfo(merged, res);
    }
    if (url.pathname.startsWith('/calendar/v3/')) return api(req, res, url, text);
    send(res, 404, { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendWire(res, calendarErrors.backendError());
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    endpoints: Object.freeze({
      apiRoot: `${origin}/`,
      authorizeUrl: `${origin}/o/oauth2/v2/auth`,
      tokenUrl: `${origin}/token`,
      revokeUrl: `${origin}/revoke`,
      userinfoUrl: `${origin}/v1/userinfo`,
      tokeninfoUrl: `${origin}/tokeninfo`,
    }),
    client: clients[0]!,
    faults,
    accounts: {
      create: createAccount,
      get: (id) => accounts.get(id),
      list: () => [...accounts.values()],
      invalidateSyncTokens: (id) => calendars.get(id)?.invalidateSyncTokens(),
    },
    setRotateRefreshTokens(next) {
      rotate = next;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
