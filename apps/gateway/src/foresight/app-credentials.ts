// Reads the Entra ID app registration's own credential expiry from Microsoft Graph, where the app has the
// permission (Application.Read.All, app-only): the client credentials grant, then
// `GET /v1.0/applications(appId='{appId}')?$select=passwordCredentials,keyCredentials`
// (https://learn.microsoft.com/en-us/graph/api/application-get). Each credential has an `endDateTime`, and a
// password credential's `hint` is the secret's first three characters
// (https://learn.microsoft.com/en-us/graph/api/resources/passwordcredential), which tells which one the gateway
// uses. Failures are values: foresight falls back to the configured expiry.

export interface EntraAppRegistration {
  /** `${authority}/oauth2/v2.0/token`. */
  readonly tokenUrl: string;
  /** Graph root without the version (`https://graph.microsoft.com`). */
  readonly graphBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export const APP_CREDENTIAL_READ_ERRORS = [
  /** The token endpoint refused the client credentials. */
  'TOKEN_REFUSED',
  /** The app lacks Application.Read.All (Graph's 403 Authorization_RequestDenied). */
  'NO_PERMISSION',
  'NOT_FOUND',
  'UNREACHABLE',
  'BAD_ANSWER',
] as const;
export type AppCredentialReadError = (typeof APP_CREDENTIAL_READ_ERRORS)[number];

export type AppCredentialRead =
  | { readonly ok: true; readonly expiresAt: Date | null }
  | { readonly ok: false; readonly error: AppCredentialReadError; readonly status?: number };

interface GraphCredential {
  readonly endDateTime?: string | null;
  readonly hint?: string | null;
}

function endOf(credential: GraphCredential): Date | null {
  if (typeof credential.endDateTime !== 'string') return null;
  const at = new Date(credential.endDateTime);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * When the credential the gateway signs in with expires: the password credential whose hint matches its secret,
 * else (a certificate, or no hint) the soonest expiry still ahead, so the warning comes early rather than late.
 */
export function credentialExpiry(
  answer: { passwordCredentials?: GraphCredential[]; keyCredentials?: GraphCredential[] },
  clientSecret: string,
  now: Date,
): Date | null {
  const passwords = answer.passwordCredentials ?? [];
  const ours = passwords.find((c) => typeof c.hint === 'string' && clientSecret.startsWith(c.hint));
  if (ours !== undefined) return endOf(ours);
  const ahead = [...passwords, ...(answer.keyCredentials ?? [])]
    .map(endOf)
    .filter((at): at is Date => at !== null && at.getTime() > now.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  return ahead[0] ?? null;
}

export async function readEntraCredentialExpiry(
  app: EntraAppRegistration,
  options: { now?: Date; timeoutMs?: number } = {},
): Promise<AppCredentialRead> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  try {
    const tokenResponse = await fetch(app.tokenUrl, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        // The resource is Graph (an emulator on loopback stands in for it).
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    if (!tokenResponse.ok) return { ok: false, error: 'TOKEN_REFUSED', status: tokenResponse.status };
    const token = (await tokenResponse.json()) as { access_token?: unknown };
    if (typeof token.access_token !== 'string') return { ok: false, error: 'BAD_ANSWER' };
    const url = `${app.graphBaseUrl}/v1.0/applications(appId='${encodeURIComponent(app.clientId)}')?$select=passwordCredentials,keyCredentials`;
    const answer = await fetch(url, { signal, headers: { authorization: `Bearer ${token.access_token}` } });
    if (answer.status === 403) return { ok: false, error: 'NO_PERMISSION', status: 403 };
    if (answer.status === 404) return { ok: false, error: 'NOT_FOUND', status: 404 };
    if (!answer.ok) return { ok: false, error: 'UNREACHABLE', status: answer.status };
    const body = (await answer.json()) as { passwordCredentials?: unknown; keyCredentials?: unknown };
    if (!Array.isArray(body.passwordCredentials ?? []) || !Array.isArray(body.keyCredentials ?? []))
      return { ok: false, error: 'BAD_ANSWER' };
    return {
      ok: true,
      expiresAt: credentialExpiry(
        body as { passwordCredentials?: GraphCredential[]; keyCredentials?: GraphCredential[] },
        app.clientSecret,
        options.now ?? new Date(),
      ),
    };
  } catch {
    // Network failure or our deadline; nothing of the answer (or the secret) is logged.
    return { ok: false, error: 'UNREACHABLE' };
  }
}
