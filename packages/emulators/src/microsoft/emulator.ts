// A loopback Microsoft Graph v1.0 + identity platform v2.0 emulator with per-account fault injection.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyFaultControl, controlAccount, FaultBook } from '../faults.js';
import { authorizationRedirect, parseJson, readText, record, redirectAllowed } from '../http.js';
import { ApplicationRegistry, type EmulatedApplication } from './applications.js';
import {
  gatewayPage,
  graphDateTime,
  graphError,
  identityError,
  identityErrorPage,
  parseGraphDateTime,
  sendJson,
} from './wire.js';

export const MICROSOFT_EMULATOR_CLIENT_ID = '00000000-0000-0000-0000-00000000c0de';
export const MICROSOFT_EMULATOR_CLIENT_SECRET = 'emulator-client-secret';
export const MICROSOFT_EMULATOR_TENANT_ID = '72f988bf-0000-0000-0000-00000000e1e1';

export interface MicrosoftEmulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly clientId?: string;
  /** When set, a token request that sends a different `client_secret` fails with AADSTS7000215. */
  readonly clientSecret?: string;
  /** Allowed redirect URIs; any http(s) URI when absent. */
  readonly redirectUris?: readonly string[];
  readonly accessTokenTtlSeconds?: number;
  /** Delta pages hold this many items unless `Prefer: odata.maxpagesize=N` asks otherwise. */
  readonly pageSize?: number;
  /** The app registration as Graph shows it to an app-only caller (credentials, app permissions). */
  readonly application?: EmulatedApplication;
}

export interface MicrosoftEmulatorAccount {
  readonly id: string;
  readonly email: string;
}

export interface MicrosoftEmulatorEndpoints {
  /** Graph root without the version (`${url}`); adapters add `/v1.0`. */
  readonly graphBaseUrl: string;
  /** Identity authority including the tenant segment (`${url}/common`). */
  readonly authority: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
}

export interface MicrosoftEmulator {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly endpoints: MicrosoftEmulatorEndpoints;
  readonly accounts: { create(input: { email: string }): MicrosoftEmulatorAccount };
  readonly faults: FaultBook;
  /** Test helper: how many requests reached the emulator (after faults), by `METHOD path`. */
  readonly requests: readonly string[];
  /** Test helper: the online meetings an account holds (Graph has no list endpoint for them). */
  onlineMeetings(accountId: string): readonly { id: string; subject: string; externalId: string | null }[];
  /** Test helper: every access, refresh and ID token this emulator issued, oldest first. */
  readonly issuedTokens: readonly string[];
  stop(): Promise<void>;
}

interface StoredEvent {
  id: string;
  subject: string;
  start: Date;
  end: Date;
  attendees: string[];
  isOnlineMeeting: boolean;
  joinUrl: string | null;
  transactionId: string | null;
  changeKey: string;
  createdAt: Date;
  modifiedAt: Date;
  deleted: boolean;
  seq: number;
}

interface Account {
  id: string;
  email: string;
  displayName: string;
  events: Map<string, StoredEvent>;
  meetings: Map<string, StoredMeeting>;
}

interface Grant {
  accountId: string;
  scopes: string[];
}

interface PendingCode extends Grant {
  redirectUri: string;
  challenge: string;
  clientId: string;
  expiresAt: number;
}

interface DeltaState {
  accountId: string;
  start: number;
  end: number;
  /** Changes up to and including this sequence number are reflected. */
  seq: number;
}

const SCOPE_FOR_GRAPH = (method: string, path: string): string | null => {
  if (path.startsWith('/me/onlinemeetings')) return 'onlinemeetings.readwrite';
  if (path === '/me') return 'user.read';
  if (path === '/me/calendar' || path === '/me/calendarview/delta' || path === '/me/calendar/getschedule')
    return method === 'GET' || path.endsWith('getschedule') ? 'calendars.read' : 'calendars.readwrite';
  if (path.startsWith('/me/events')) return method === 'GET' ? 'calendars.read' : 'calendars.readwrite';
  return null;
};

function normalizeScope(scope: string): string {
  return scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '').toLowerCase();
}

/** `Calendars.ReadWrite` implies `Calendars.Read`. */
function grants(scopes: readonly string[], needed: string): boolean {
  const have = new Set(scopes.map(normalizeScope));
  if (have.has(needed)) return true;
  return needed.endsWith('.read') && have.has(`${needed}write`);
}

function token(prefix: string): string {
  return `${prefix}.${randomBytes(24).toString('base64url')}`;
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

interface StoredMeeting {
  id: string;
  subject: string;
  start: string;
  end: string;
  joinWebUrl: string;
  externalId: string | null;
  createdAt: string;
}

function meetingJson(account: { id: string; email: string }, meeting: StoredMeeting) {
  return {
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${account.id}')/onlineMeetings/$entity`,
    id: meeting.id,
    creationDateTime: meeting.createdAt,
    startDateTime: meeting.start,
    endDateTime: meeting.end,
    joinUrl: meeting.joinWebUrl,
    joinWebUrl: meeting.joinWebUrl,
    subject: meeting.subject,
    ...(meeting.externalId === null ? {} : { externalId: meeting.externalId }),
    participants: { organizer: { upn: account.email, identity: { user: { id: account.id } } } },
  };
}

export async function startMicrosoftEmulator(
  options: MicrosoftEmulatorOptions = {},
): Promise<MicrosoftEmulator> {
  const clientId = options.clientId ?? MICROSOFT_EMULATOR_CLIENT_ID;
  const clientSecret = options.clientSecret ?? MICROSOFT_EMULATOR_CLIENT_SECRET;
  const ttlSeconds = options.accessTokenTtlSeconds ?? 3599;
  const defaultPageSize = options.pageSize ?? 10;
  const faults = new FaultBook();
  const accounts = new Map<string, Account>();
  const byEmail = new Map<string, Account>();
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, Grant & { expiresAt: number }>();
  const refreshTokens = new Map<string, Grant>();
  const deltaTokens = new Map<string, DeltaState>();
  const skipTokens = new Map<string, { items: unknown[]; deltaToken: string }>();
  const requests: string[] = [];
  const issuedTokens: string[] = [];
  let seq = 0;
  let url = '';
  const application = new ApplicationRegistry(clientId, options.application ?? {});

  function createAccount(email: string): Account {
    const existing = byEmail.get(email.toLowerCase());
    if (existing) return existing;
    const account: Account = {
      id: randomUUID(),
      email,
      displayName: email.split('@')[0] ?? email,
      events: new Map(),
      meetings: new Map(),
    };
    accounts.set(account.id, account);
    byEmail.set(email.toLowerCase(), account);
    return account;
  }

  function issueTokens(grant: Grant, withIdToken: boolean): Record<string, unknown> {
    const account = accounts.get(grant.accountId)!;
    const dropped = faults.droppedScopes(grant.accountId);
    const scopes = grant.scopes.filter(
      (s) => ![...dropped].some((d) => normalizeScope(d) === normalizeScope(s)),
    );
    const accessToken = token('eyJ0eXAiOiJKV1Qi');
    const refreshToken = token('0.AXoA');
    accessTokens.set(accessToken, { ...grant, scopes, expiresAt: Date.now() + ttlSeconds * 1000 });
    refreshTokens.set(refreshToken, { ...grant, scopes });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: scopes.filter((s) => !['openid', 'profile', 'email', 'offline_access'].includes(s)).join(' '),
      expires_in: ttlSeconds,
      ext_expires_in: ttlSeconds,
      access_token: accessToken,
    };
    issuedTokens.push(accessToken);
    if (grant.scopes.includes('offline_access')) {
      body.refresh_token = refreshToken;
      issuedTokens.push(refreshToken);
    }
    if (withIdToken && grant.scopes.includes('openid')) {
      const now = Math.floor(Date.now() / 1000);
      body.id_token = `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url({
        aud: clientId,
        iss: `${url}/${MICROSOFT_EMULATOR_TENANT_ID}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        name: account.displayName,
        oid: account.id,
        preferred_username: account.email,
        email: grant.scopes.includes('email') ? account.email : undefined,
        sub: createHash('sha256').update(`${clientId}:${account.id}`).digest('base64url'),
        tid: MICROSOFT_EMULATOR_TENANT_ID,
        ver: '2.0',
      })}.`;
      issuedTokens.push(body.id_token as string);
    }
    return body;
  }

  /** Counted faults and latency; true when the request was answered (or the socket destroyed). */
  async function countedFault(
    accountId: string,
    request: IncomingMessage,
    response: ServerResponse,
    identity: boolean,
  ): Promise<boolean> {
    const fault = await faults.intercept(accountId, request.socket);
    if (fault === null) return false;
    if (fault.kind === 'RESET_CONNECTION') return true;
    if (fault.kind === 'RATE_LIMIT') {
      const headers = { 'retry-after': String(fault.retryAfterSeconds) };
      if (identity) {
        identityError(
          response,
          429,
          'temporarily_unavailable',
          90033,
          'A transient error has occurred.',
          headers,
        );
      } else {
        graphError(response, 429, 'TooManyRequests', 'Too many requests, please try again later.', headers);
      }
      return true;
    }
    if (fault.status === 503) {
      if (identity) {
        identityError(response, 503, 'temporarily_unavailable', 90033, 'A transient error has occurred.', {
          'retry-after': '1',
        });
      } else {
        graphError(response, 503, 'serviceNotAvailable', 'The service is temporarily unavailable.', {
          'retry-after': '1',
        });
      }
      return true;
    }
    response.writeHead(fault.status, { 'content-type': 'text/html' });
    response.end(gatewayPage(fault.status));
    return true;
  }

  // ---------------------------------------------------------------- identity platform

  function authorize(query: URLSearchParams, response: ServerResponse): void {
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== clientId) {
      identityErrorPage(
        response,
        700016,
        `Application with identifier '${query.get('client_id') ?? ''}' was not found in the directory.`,
      );
      return;
    }
    if (!redirectAllowed(options.redirectUris, redirectUri)) {
      identityErrorPage(
        response,
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application.`,
      );
      return;
    }
    const { fail, code: redirectWithCode } = authorizationRedirect(response, redirectUri, query.get('state'));
    if (query.get('response_type') !== 'code') {
      fail('unsupported_response_type', 'AADSTS700054: response_type is not enabled for the application.');
      return;
    }
    const challenge = query.get('code_challenge');
    if (!challenge || query.get('code_challenge_method') !== 'S256') {
      fail(
        'invalid_request',
        'AADSTS9002325: Proof Key for Code Exchange is required (code_challenge_method=S256).',
      );
      return;
    }
    const hint = query.get('login_hint') ?? query.get('account');
    const account = hint ? (byEmail.get(hint.toLowerCase()) ?? accounts.get(hint)) : undefined;
    if (!account) {
      fail('login_required', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');
      return;
    }
    if (faults.isDeleted(account.id)) {
      fail(
        'invalid_request',
        `AADSTS50034: The user account ${account.email} does not exist in the directory.`,
      );
      return;
    }
    faults.healGrant(account.id);
    const code = token('1.AXoA');
    codes.set(code, {
      accountId: account.id,
      scopes: (query.get('scope') ?? '').split(/\s+/).filter(Boolean),
      redirectUri,
      challenge,
      clientId,
      expiresAt: Date.now() + 10 * 60_000,
    });
    redirectWithCode(code);
  }

  async function tokenEndpoint(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readText(request));
    if (form.get('client_id') !== clientId) {
      identityError(
        response,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory.`,
      );
      return;
    }
    const secret = form.get('client_secret');
    if (secret !== null && secret !== clientSecret) {
      identityError(
        response,
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      );
      return;
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.expiresAt < Date.now()) {
        identityError(
          response,
          400,
          'invalid_grant',
          70008,
          'The provided authorization code or refresh token has expired due to inactivity.',
        );
        return;
      }
      if (await countedFault(code.accountId, request, response, true)) return;
      codes.delete(form.get('code') ?? '');
      if (code.redirectUri !== form.get('redirect_uri')) {
        identityError(
          response,
          400,
          'invalid_grant',
          500112,
          'The reply address does not match the reply address provided when requesting Authorization code.',
        );
        return;
      }
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
        identityError(
          response,
          400,
          'invalid_grant',
          501481,
          'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        );
        return;
      }
      sendJson(response, 200, issueTokens(code, true), { 'cache-control': 'no-store' });
      return;
    }
    if (grantType === 'client_credentials') {
      // A confidential client only; the app's own permissions, no user.
      const issued = secret === null ? null : application.issueAppToken(form.get('scope'), ttlSeconds);
      if (issued === null) {
        identityError(
          response,
          400,
          'invalid_request',
          secret === null ? 7000218 : 1002012,
          secret === null
            ? "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
            : 'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
        );
        return;
      }
      sendJson(response, 200, issued, { 'cache-control': 'no-store' });
      return;
    }
    if (grantType === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const grant = refreshTokens.get(presented);
      if (!grant) {
        identityError(response, 400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
        return;
      }
      if (await countedFault(grant.accountId, request, response, true)) return;
      if (faults.isDeleted(grant.accountId)) {
        identityError(
          response,
          400,
          'invalid_grant',
          50034,
          'The user account does not exist in the directory. To sign into this application, the account must be added to the directory.',
        );
        return;
      }
      if (faults.isRevoked(grant.accountId)) {
        identityError(
          response,
          400,
          'invalid_grant',
          50173,
          'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
        );
        return;
      }
      // Rotation: every refresh issues a new refresh token; the one presented stops working here so that a
      // caller that forgets to persist the rotated token fails loudly.
      refreshTokens.delete(presented);
      faults.healAccessToken(grant.accountId);
      sendJson(response, 200, issueTokens(grant, false), { 'cache-control': 'no-store' });
      return;
    }
    identityError(
      response,
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type.',
    );
  }

  // ---------------------------------------------------------------- Graph

  function eventJson(event: StoredEvent): Record<string, unknown> {
    return {
      '@odata.etag': `W/"${event.changeKey}"`,
      id: event.id,
      createdDateTime: event.createdAt.toISOString(),
      lastModifiedDateTime: event.modifiedAt.toISOString(),
      changeKey: event.changeKey,
      transactionId: event.transactionId,
      subject: event.subject,
      isCancelled: false,
      showAs: 'busy',
      type: 'singleInstance',
      start: graphDateTime(event.start),
      end: graphDateTime(event.end),
      attendees: event.attendees.map((address) => ({
        type: 'required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: address, address },
      })),
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}`,
    };
  }

  function applyEventBody(event: StoredEvent, body: Record<string, unknown>): string | null {
    if ('subject' in body) event.subject = typeof body.subject === 'string' ? body.subject : '';
    if ('start' in body) {
      const start = parseGraphDateTime(body.start);
      if (!start) return 'start';
      event.start = start;
    }
    if ('end' in body) {
      const end = parseGraphDateTime(body.end);
      if (!end) return 'end';
      event.end = end;
    }
    if (Array.isArray(body.attendees)) {
      event.attendees = body.attendees
        .map((a) => record(record(a).emailAddress).address)
        .filter((a): a is string => typeof a === 'string');
    }
    if (typeof body.isOnlineMeeting === 'boolean') {
      event.isOnlineMeeting = body.isOnlineMeeting;
      event.joinUrl = body.isOnlineMeeting
        ? (event.joinUrl ??
          `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID()}%40thread.v2/0`)
        : null;
    }
    if (event.end.getTime() < event.start.getTime()) return 'end';
    event.seq = ++seq;
    event.changeKey = randomBytes(12).toString('base64');
    event.modifiedAt = new Date();
    return null;
  }

  function deltaItems(account: Account, state: DeltaState, since: number | null): unknown[] {
    const items: unknown[] = [];
    for (const event of account.events.values()) {
      const inRange = event.start.getTime() < state.end && event.end.getTime() > state.start;
      if (since === null) {
        if (!event.deleted && inRange) items.push(eventJson(event));
      } else if (event.seq > since && (inRange || event.deleted)) {
        items.push(
          event.deleted
            ? { '@odata.type': '#microsoft.graph.event', id: event.id, '@removed': { reason: 'deleted' } }
            : eventJson(event),
        );
      }
    }
    return items;
  }

  function deltaPage(response: ServerResponse, items: unknown[], deltaToken: string, pageSize: number): void {
    const base = `${url}/v1.0/me/calendarView/delta`;
    const page = items.slice(0, pageSize);
    const rest = items.slice(pageSize);
    const body: Record<string, unknown> = {
      '@odata.context': `${url}/v1.0/$metadata#Collection(event)`,
      value: page,
    };
    if (rest.length > 0) {
      const skip = randomBytes(18).toString('base64url');
      skipTokens.set(skip, { items: rest, deltaToken });
      body['@odata.nextLink'] = `${base}?$skiptoken=${skip}`;
    } else {
      body['@odata.deltaLink'] = `${base}?$deltatoken=${deltaToken}`;
    }
    sendJson(response, 200, body);
  }

  async function graph(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) {
      graphError(response, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
      return;
    }
    const grant = accessTokens.get(bearer);
    if (!grant) {
      graphError(
        response,
        401,
        'InvalidAuthenticationToken',
        'IDX14100: JWT is not well formed, there are no dots (.).',
      );
      return;
    }
    const account = accounts.get(grant.accountId)!;
    if (await countedFault(account.id, request, response, false)) return;
    if (faults.isDeleted(account.id)) {
      graphError(
        response,
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      );
      return;
    }
    if (
      faults.isRevoked(account.id) ||
      faults.isAccessTokenExpired(account.id) ||
      grant.expiresAt < Date.now()
    ) {
      graphError(
        response,
        401,
        'InvalidAuthenticationToken',
        'Access token has expired or is not yet valid.',
        {
          'www-authenticate':
            'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"',
        },
      );
      return;
    }
    const lower = path.toLowerCase();
    const needed = SCOPE_FOR_GRAPH(method, lower);
    const dropped = [...faults.droppedScopes(account.id)].map(normalizeScope);
    const effective = grant.scopes.filter((s) => !dropped.includes(normalizeScope(s)));
    if (needed !== null && !grants(effective, needed)) {
      graphError(response, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      return;
    }
    requests.push(`${method} ${path}`);
    const body = ['POST', 'PATCH'].includes(method) ? parseJson(await readText(request)) : undefined;

    if (method === 'GET' && lower === '/me') {
      sendJson(response, 200, {
        '@odata.context': `${url}/v1.0/$metadata#users/$entity`,
        id: account.id,
        displayName: account.displayName,
        mail: account.email,
        userPrincipalName: account.email,
      });
      return;
    }
    if (method === 'GET' && lower === '/me/calendar') {
      sendJson(response, 200, {
        id: `AAMk${Buffer.from(account.id).toString('base64url')}`,
        name: 'Calendar',
        canEdit: true,
        canShare: true,
        isDefaultCalendar: true,
        owner: { name: account.displayName, address: account.email },
      });
      return;
    }
    if (method === 'POST' && lower === '/me/calendar/getschedule') {
      const input = record(body);
      const start = parseGraphDateTime(input.startTime);
      const end = parseGraphDateTime(input.endTime);
      if (!Array.isArray(input.schedules) || !start || !end) {
        graphError(
          response,
          400,
          'ErrorInvalidRequest',
          'The request is invalid: schedules, startTime and endTime are required.',
        );
        return;
      }
      const value = input.schedules.map((id: unknown) => {
        const scheduleId = String(id);
        const target = byEmail.get(scheduleId.toLowerCase());
        if (!target || faults.isDeleted(target.id)) {
          return {
            scheduleId,
            availabilityView: '',
            error: {
              message: `The requested user '${scheduleId}' is invalid.`,
              responseCode: 'ErrorInvalidUser',
            },
          };
        }
        const items = [...target.events.values()]
          .filter((e) => !e.deleted && e.start < end && e.end > start)
          .sort((a, b) => a.start.getTime() - b.start.getTime())
          .map((e) => ({
            isPrivate: false,
            status: 'busy',
            subject: e.subject,
            start: graphDateTime(e.start),
            end: graphDateTime(e.end),
          }));
        return { scheduleId, availabilityView: '', scheduleItems: items, workingHours: {} };
      });
      sendJson(response, 200, {
        '@odata.context': `${url}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`,
        value,
      });
      return;
    }
    if (method === 'GET' && lower === '/me/calendarview/delta') {
      const pageSize = Number(
        /odata\.maxpagesize=(\d+)/.exec(String(request.headers.prefer ?? ''))?.[1] ?? defaultPageSize,
      );
      const skip = query.get('$skiptoken');
      if (skip !== null) {
        const pending = skipTokens.get(skip);
        if (!pending) {
          graphError(
            response,
            410,
            'syncStateNotFound',
            'The sync state generation is not found or has expired.',
          );
          return;
        }
        skipTokens.delete(skip);
        deltaPage(response, pending.items, pending.deltaToken, pageSize);
        return;
      }
      const deltaToken = query.get('$deltatoken');
      if (deltaToken !== null) {
        const state = deltaTokens.get(deltaToken);
        if (!state || state.accountId !== account.id) {
          graphError(
            response,
            410,
            'syncStateNotFound',
            'The sync state generation is not found or has expired.',
          );
          return;
        }
        const next: DeltaState = { ...state, seq };
        const nextToken = randomBytes(24).toString('base64url');
        deltaTokens.set(nextToken, next);
        deltaPage(response, deltaItems(account, next, state.seq), nextToken, pageSize);
        return;
      }
      const start = parseGraphDateTime(query.get('startDateTime'));
      const end = parseGraphDateTime(query.get('endDateTime'));
      if (!start || !end) {
        graphError(
          response,
          400,
          'ErrorInvalidParameter',
          'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        );
        return;
      }
      const state: DeltaState = { accountId: account.id, start: start.getTime(), end: end.getTime(), seq };
      const nextToken = randomBytes(24).toString('base64url');
      deltaTokens.set(nextToken, state);
      deltaPage(response, deltaItems(account, state, null), nextToken, pageSize);
      return;
    }
    if (method === 'POST' && lower === '/me/events') {
      const input = record(body);
      const transactionId = typeof input.transactionId === 'string' ? input.transactionId : null;
      if (transactionId) {
        const existing = [...account.events.values()].find(
          (e) => e.transactionId === transactionId && !e.deleted,
        );
        if (existing) {
          sendJson(response, 201, eventJson(existing));
          return;
        }
      }
      const now = new Date();
      const event: StoredEvent = {
        id: `AAMkAGI2${randomBytes(24).toString('base64url')}`,
        subject: '',
        start: now,
        end: now,
        attendees: [],
        isOnlineMeeting: false,
        joinUrl: null,
        transactionId,
        changeKey: '',
        createdAt: now,
        modifiedAt: now,
        deleted: false,
        seq: 0,
      };
      if (!('start' in input) || !('end' in input)) {
        graphError(
          response,
          400,
          'ErrorPropertyValidationFailure',
          'At least one property failed validation.',
        );
        return;
      }
      const invalid = applyEventBody(event, input);
      if (invalid) {
        graphError(response, 400, 'ErrorInvalidRequest', `Invalid value for property '${invalid}'.`);
        return;
      }
      account.events.set(event.id, event);
      if (faults.takeCommitThenReset(account.id)) return void response.socket?.destroy();
      sendJson(response, 201, eventJson(event));
      return;
    }
    const eventId = /^\/me\/events\/([^/]+)$/i.exec(path)?.[1];
    if (eventId !== undefined && (method === 'PATCH' || method === 'DELETE' || method === 'GET')) {
      const event = account.events.get(decodeURIComponent(eventId));
      if (!event || event.deleted) {
        graphError(response, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        return;
      }
      if (method === 'GET') {
        sendJson(response, 200, eventJson(event));
        return;
      }
      if (method === 'DELETE') {
        event.deleted = true;
        event.seq = ++seq;
        sendJson(response, 204, undefined);
        return;
      }
      const invalid = applyEventBody(event, record(body));
      if (invalid) {
        graphError(response, 400, 'ErrorInvalidRequest', `Invalid value for property '${invalid}'.`);
        return;
      }
      sendJson(response, 200, eventJson(event));
      return;
    }
    // POST /me/onlineMeetings creates; POST /me/onlineMeetings/createOrGet creates or returns the meeting with
    // the same externalId (201 new, 200 existing): https://learn.microsoft.com/graph/api/onlinemeeting-createorget
    if (method === 'POST' && (lower === '/me/onlinemeetings' || lower === '/me/onlinemeetings/createorget')) {
      const input = record(body);
      const createOrGet = lower.endsWith('/createorget');
      const externalId = typeof input.externalId === 'string' ? input.externalId : null;
      if (createOrGet && externalId === null) {
        graphError(response, 400, 'BadRequest', "The 'externalId' parameter is required.");
        return;
      }
      const existing =
        externalId === null
          ? undefined
          : [...account.meetings.values()].find((m) => m.externalId === externalId);
      if (createOrGet && existing) {
        sendJson(response, 200, meetingJson(account, existing));
        return;
      }
      const id = `MSo1N2Y5ZGFjYy${randomBytes(18).toString('base64url')}`;
      const meeting = {
        id,
        subject: typeof input.subject === 'string' ? input.subject : '',
        start: typeof input.startDateTime === 'string' ? input.startDateTime : new Date().toISOString(),
        end: typeof input.endDateTime === 'string' ? input.endDateTime : new Date().toISOString(),
        joinWebUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID()}%40thread.v2/0`,
        externalId: createOrGet ? externalId : null,
        createdAt: new Date().toISOString(),
      };
      account.meetings.set(id, meeting);
      if (faults.takeCommitThenReset(account.id)) return void response.socket?.destroy();
      sendJson(response, 201, meetingJson(account, meeting));
      return;
    }
    const meetingId = /^\/me\/onlineMeetings\/([^/]+)$/i.exec(path)?.[1];
    if (meetingId !== undefined && method === 'DELETE') {
      if (!account.meetings.delete(decodeURIComponent(meetingId))) {
        graphError(response, 404, 'NotFound', 'The online meeting was not found.');
        return;
      }
      sendJson(response, 204, undefined);
      return;
    }
    graphError(
      response,
      400,
      'BadRequest',
      `Resource not found for the segment '${path.split('/').pop() ?? ''}'.`,
    );
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
      sendJson(response, 201, { id: account.id, email: account.email });
      return;
    }
    const match = /^\/_control\/accounts\/([^/]+)\/faults$/.exec(path);
    if (match?.[1] === undefined) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    const account = controlAccount(accounts, match[1]);
    if (account === undefined) {
      sendJson(response, 404, { error: `no account ${match[1]}` });
      return;
    }
    const body = method === 'POST' ? parseJson(await readText(request)) : undefined;
    const answer = applyFaultControl(faults, account.id, method, body);
    if (answer) sendJson(response, answer.status, answer.body);
    else sendJson(response, 405, { error: 'method not allowed' });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const path = parsed.pathname;
    if (path.startsWith('/_control/')) return control(request, response, method, path);
    const identity = /^\/[^/]+\/oauth2\/v2\.0\/(authorize|token)$/.exec(path)?.[1];
    if (identity === 'authorize' && method === 'GET') return authorize(parsed.searchParams, response);
    if (identity === 'token' && method === 'POST') return tokenEndpoint(request, response);
    if (path.startsWith('/v1.0/applications(')) {
      if (application.handle(request, response, method, decodeURIComponent(path.slice('/v1.0'.length))))
        return;
    }
    if (path.startsWith('/v1.0/')) {
      return graph(
        request,
        response,
        method,
        path.slice('/v1.0'.length).replace(/\/$/, ''),
        parsed.searchParams,
      );
    }
    graphError(response, 404, 'UnknownError', '');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) graphError(response, 500, 'generalException', String(error));
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
      graphBaseUrl: url,
      authority: `${url}/common`,
      authorizeUrl: `${url}/common/oauth2/v2.0/authorize`,
      tokenUrl: `${url}/common/oauth2/v2.0/token`,
    },
    accounts: {
      create: ({ email }) => {
        const account = createAccount(email);
        return { id: account.id, email: account.email };
      },
    },
    faults,
    requests,
    onlineMeetings: (accountId) =>
      [...(accounts.get(accountId)?.meetings.values() ?? [])].map(({ id, subject, externalId }) => ({
        id,
        subject,
        externalId,
      })),
    issuedTokens,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
