// Interop's OAuth mode for Exchange Online: an app-only token from the Microsoft identity platform
// (OAuth 2.0 client-credentials grant with the client id and secret of an Entra ID app registration),
// then EWS with `Authorization: Bearer`. The secret and the token never appear in a detail.
import { httpsPost, resolveAddress, transportFailureMessage } from './ews.js';

export const DEFAULT_IDENTITY_AUTHORITY = 'https://login.microsoftonline.com';
/** App-only access to EWS: the `full_access_as_app` role of Office 365 Exchange Online. */
const EXCHANGE_ONLINE_SCOPE = 'https://outlook.office365.com/.default';

export interface AppOnlyTokenRequest {
  /** Origin of the identity platform; default `https://login.microsoftonline.com`. */
  readonly identityAuthority?: string | undefined;
  /** The directory: Interop takes the role account's email domain. */
  readonly tenant: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly trustedCa?: readonly string[] | undefined;
  readonly resolveHost?: ((host: string) => Promise<string>) | undefined;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Either the token, or what went wrong as the Interop status message to classify (`message`, with
 * `status` / `errorCode`) and a detail for the admin.
 */
export type AppOnlyTokenOutcome =
  | { readonly ok: true; readonly accessToken: string; readonly tokenUrl: string }
  | {
      readonly ok: false;
      readonly tokenUrl: string;
      readonly message: string | undefined;
      readonly status?: number;
      readonly errorCode?: string;
      readonly detail: string;
    };

/** The tenant Interop uses for a role account: its email domain. */
export function tenantOf(username: string): string | undefined {
  const at = username.lastIndexOf('@');
  return at < 1 || at === username.length - 1 ? undefined : username.slice(at + 1);
}

function tokenUrlOf(identityAuthority: string, tenant: string): URL {
  const authority = new URL(identityAuthority);
  if (authority.protocol !== 'https:') {
    throw new Error(`The identity authority ${authority.origin} must be an https:// URL.`);
  }
  return new URL(`/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, authority.origin);
}

function errorCodeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `error` and the AADSTS code of a token endpoint error body, reduced to identifiers. */
function identityErrorOf(body: string): { error?: string; aadsts?: string } {
  let parsed: { error?: unknown; error_codes?: unknown; error_description?: unknown } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return {};
  }
  const error =
    typeof parsed.error === 'string' && /^[a-z_]{1,64}$/.test(parsed.error) ? parsed.error : undefined;
  const first = Array.isArray(parsed.error_codes) ? parsed.error_codes[0] : undefined;
  const fromDescription =
    typeof parsed.error_description === 'string'
      ? /^AADSTS(\d{1,9})/.exec(parsed.error_description)?.[1]
      : undefined;
  const code = typeof first === 'number' && Number.isInteger(first) ? String(first) : fromDescription;
  return {
    ...(error === undefined ? {} : { error }),
    ...(code === undefined ? {} : { aadsts: `AADSTS${code}` }),
  };
}

export async function requestAppOnlyToken(request: AppOnlyTokenRequest): Promise<AppOnlyTokenOutcome> {
  const { tenant, clientId } = request;
  const url = tokenUrlOf(request.identityAuthority ?? DEFAULT_IDENTITY_AUTHORITY, tenant);
  const tokenUrl = url.href;
  const host = url.hostname.replace(/^\[|\]$/g, '');

  let address: string;
  try {
    address = await resolveAddress(host, request.resolveHost);
  } catch (e) {
    const errorCode = errorCodeOf(e);
    return {
      ok: false,
      tokenUrl,
      message: 'Host not found',
      ...(errorCode === undefined ? {} : { errorCode }),
      detail: `No DNS record for the identity platform host ${host}${errorCode === undefined ? '' : ` (${errorCode})`}.`,
    };
  }

  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: request.clientSecret,
    scope: EXCHANGE_ONLINE_SCOPE,
  });
  let res: Awaited<ReturnType<typeof httpsPost>>;
  try {
    res = await httpsPost(
      { url, address, trustedCa: request.trustedCa, timeoutMs: request.timeoutMs },
      { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      form.toString(),
      request.signal,
    );
  } catch (e) {
    const errorCode = errorCodeOf(e);
    const message = transportFailureMessage(errorCode) ?? 'Connection error';
    const what =
      message === 'SSL error'
        ? `The TLS handshake with the identity platform host ${host} failed`
        : `The token request to the identity platform host ${host} failed`;
    return {
      ok: false,
      tokenUrl,
      message,
      ...(errorCode === undefined ? {} : { errorCode }),
      detail: `${what}${errorCode === undefined ? '' : ` (${errorCode})`}.`,
    };
  }

  const { error, aadsts } = identityErrorOf(res.body);
  const codes = [error, aadsts].filter((c) => c !== undefined).join(' ');
  const said = `HTTP ${res.status}${codes === '' ? '' : ` ${codes}`}`;
  if (res.status === 400) {
    const notFound = aadsts === 'AADSTS700016' || error === 'unauthorized_client';
    return {
      ok: false,
      tokenUrl,
      message: '400 Bad request',
      status: 400,
      detail: notFound
        ? `The application id "${clientId}" was not found in tenant "${tenant}" (${said}): check the application (client) id of the app registration.`
        : `The identity platform refused the token request of application "${clientId}" in tenant "${tenant}" (${said}).`,
    };
  }
  if (res.status === 401) {
    return {
      ok: false,
      tokenUrl,
      message: '401 Unauthorized',
      status: 401,
      detail: `The identity platform did not accept the client secret of application "${clientId}" (${said}): the client secret is wrong or missing, or the organization's access control list (ACL) blocks Calendar Interop.`,
    };
  }
  let accessToken: unknown;
  try {
    accessToken = (JSON.parse(res.body) as { access_token?: unknown }).access_token;
  } catch {
    accessToken = undefined;
  }
  if (res.status !== 200 || typeof accessToken !== 'string' || accessToken === '') {
    return {
      ok: false,
      tokenUrl,
      message: undefined,
      status: res.status,
      detail: `The identity platform answered ${said} without an access token for application "${clientId}".`,
    };
  }
  return { ok: true, accessToken, tokenUrl };
}
