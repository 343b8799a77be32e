// The provider mutations go through this interface. Adapters (Google, Microsoft, Exchange, Zoom) arrive
// with packages/providers; until one is configured, every call fails with PROVIDER_ERROR, never a fake success.
import type { ConnectionProvider, ServiceError } from '@tsunagi/db';

export interface StartAuthorizationRequest {
  readonly organizationId: string;
  readonly userId: string;
  readonly provider: ConnectionProvider;
  /** The connection being reconnected; null when linking a new account. */
  readonly connectionId: string | null;
  /** Where the provider sends the user back (default the gateway's callback route); allow-listed origins only. */
  readonly redirectUri: string | null;
  /** Who starts the flow: only this user can bind a browser to it and finish it. */
  readonly startedBy: string;
  /** Where the gateway's callback sends the browser afterwards (allow-listed origins only); null: a page. */
  readonly returnUrl: string | null;
}

export interface AuthorizationStarted {
  readonly provider: ConnectionProvider;
  /** The gateway's binding endpoint (`/oauth/authorize?state=…`): the starting client opens it with its
   * bearer token, which binds the flow to that browser by cookie and forwards it to the provider. */
  readonly authorizationUrl: string;
  readonly state: string;
  readonly expiresAt: Date;
  readonly connectionId: string | null;
}

export interface CompleteAuthorizationRequest {
  readonly organizationId: string;
  /** The caller: must be the user who started the flow. */
  readonly userId: string;
  readonly state: string;
  readonly code: string;
}

export interface CheckConnectionRequest {
  readonly organizationId: string;
  readonly connectionId: string;
  readonly provider: ConnectionProvider;
}

export interface ConnectExchangeRequest {
  readonly organizationId: string;
  readonly userId: string;
  /** The mailbox to read; the user's email when null. */
  readonly mailbox: string | null;
}

export interface ProviderFailure {
  readonly code: 'PROVIDER_ERROR' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'FORBIDDEN';
  readonly message: string;
  readonly provider?: ConnectionProvider;
  /** A finer reason, sent as extensions.reason (e.g. ACCOUNT_MISMATCH with CONFLICT, STATE_EXPIRED). */
  readonly reason?: string;
}

/** The starting client opening the binding endpoint with its credentials. */
export interface BindBrowserRequest {
  readonly organizationId: string;
  /** The authenticated caller: must be the user who started the flow. */
  readonly userId: string;
  readonly state: string;
  /** The secret the gateway sets in the browser's cookie (only its hash is stored). */
  readonly browserSecret: string;
}

export interface BrowserBound {
  /** The provider's authorization URL to send the browser to. */
  readonly providerUrl: string;
  readonly expiresAt: Date;
  /** The callback is served over https: the cookie must be Secure. */
  readonly secure: boolean;
}

/** The provider's redirect to `/oauth/callback/:provider`. */
export interface CallbackRequest {
  readonly provider: string;
  readonly state: string;
  readonly code: string | null;
  /** The provider's `error` parameter (e.g. access_denied) when the user did not grant access. */
  readonly error: string | null;
  /** The secret of the browser's binding cookie for this state, null when it sent none. */
  readonly browserSecret: string | null;
}

export interface CallbackCompleted {
  readonly organizationId: string;
  readonly userId: string;
  readonly connectionId: string;
  readonly provider: ConnectionProvider;
}

export type ProviderResult<T> = { ok: true; value: T } | { ok: false; error: ProviderFailure };

/** How a callback went, and where its browser should go (the return URL the client gave, if any). */
export interface CallbackOutcome {
  readonly result: ProviderResult<CallbackCompleted>;
  readonly returnUrl: string | null;
}

export interface ProviderRegistry {
  /** Opens an OAuth authorization (connect or reconnect) and returns where to send the user. */
  startAuthorization(request: StartAuthorizationRequest): Promise<ProviderResult<AuthorizationStarted>>;
  /** Redeems the provider's callback: stores credentials, creates or reconnects the connection. */
  completeAuthorization(
    request: CompleteAuthorizationRequest,
  ): Promise<ProviderResult<{ connectionId: string }>>;
  /** Probes the connection now and records the result through the db service. */
  checkConnection(request: CheckConnectionRequest): Promise<ProviderResult<void>>;
  /** Redeems the provider's redirect for whoever started the authorization (the state row knows them).
   * Registries without it answer the callback route with PROVIDER_ERROR. */
  completeCallback?(request: CallbackRequest): Promise<CallbackOutcome>;
  /** Binds a pending flow to the browser of the user who started it (`GET /oauth/authorize`). */
  bindBrowser?(request: BindBrowserRequest): Promise<ProviderResult<BrowserBound>>;
  /** Links an Exchange mailbox through the organization's Interop settings (tested first). */
  connectExchange?(request: ConnectExchangeRequest): Promise<ProviderResult<{ connectionId: string }>>;
  /** Probes the organization's EXCHANGE connections now, after its Interop settings changed. */
  recheckExchange?(organizationId: string): Promise<{ checked: number; healthy: number }>;
  /** Called before an unlink: reads the grant so it can be revoked at the provider once the unlink has
   * committed (the unlink deletes the stored tokens). The returned function is best effort and never throws. */
  prepareRevocation?(request: {
    readonly organizationId: string;
    readonly connectionId: string;
  }): Promise<(() => Promise<void>) | null>;
  /** Revokes grants of connections already unlinked (directory sync read their credentials in its transaction),
   * best effort, one by one like `prepareRevocation`'s; logged either way, never throws. */
  revokeGrants?(grants: readonly RevocableGrant[]): Promise<void>;
}

/** An unlinked connection's grant, read before its credentials were deleted. */
export interface RevocableGrant {
  readonly connectionId: string;
  readonly provider: ConnectionProvider;
  readonly credentials: { readonly accessToken: string; readonly refreshToken?: string | null } | null;
}

/** A failure answer; `reason` goes to extensions.reason. */
export const fail = (
  code: ProviderFailure['code'],
  message: string,
  extra: { provider?: ConnectionProvider; reason?: string } = {},
): { ok: false; error: ProviderFailure } => ({ ok: false, error: { code, message, ...extra } });

/** A db service's refusal as a provider failure (same code and message). */
export const fromService = (error: ServiceError, reason?: string): { ok: false; error: ProviderFailure } =>
  fail(error.code, error.message, reason === undefined ? {} : { reason });

const unconfigured = (provider: ConnectionProvider | null): { ok: false; error: ProviderFailure } => ({
  ok: false,
  error: {
    code: 'PROVIDER_ERROR',
    message:
      provider === null
        ? 'No provider adapter is configured: authorizations cannot be completed yet'
        : `No provider adapter is configured for ${provider}`,
    ...(provider === null ? {} : { provider }),
  },
});

/** The registry with no adapters: what the gateway runs with until packages/providers exists. */
export class UnconfiguredProviderRegistry implements ProviderRegistry {
  async startAuthorization(request: StartAuthorizationRequest) {
    return unconfigured(request.provider);
  }

  async completeAuthorization() {
    return unconfigured(null);
  }

  async checkConnection(request: CheckConnectionRequest) {
    return unconfigured(request.provider);
  }
}
