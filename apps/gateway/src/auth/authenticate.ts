// One way in for HTTP requests and WebSocket connections alike: a verified credential naming a live user
// (or a service) of an existing organization, or UNAUTHENTICATED. Three kinds of credential share the
// `Authorization: Bearer` header: API keys (`tsk_…`), the identity provider's tokens (RS256, ES256, EdDSA),
// and the gateway's own HS256 development tokens. Nothing of a credential is ever logged or echoed.
import { type Executor, isApiKey, organizationByReference, userByExternalId } from '@tsunagi/db';
import { decodeProtectedHeader } from 'jose';
import { createContext, type GatewayContext, type GatewayServices } from '../context.js';
import { databaseUnavailableError, gatewayError } from '../errors.js';
import type { Logger } from '../ops/logger.js';
import { verifyApiKey } from './api-keys.js';
import { IDENTITY_PROVIDER_ALGORITHMS, IdentityProvider, type IdentityProviderSettings } from './jwks.js';
import { bearerToken, type JwtSettings, TokenError, type VerifiedToken, verifyTokenExpiry } from './token.js';

export interface AuthSettings {
  /** The HS256 development tokens (JWT_SECRET); null: none are accepted, whatever allowDevTokens says. */
  readonly jwt: JwtSettings | null;
  /** The product's identity provider; absent, only development tokens and API keys are accepted. */
  readonly identityProvider?: IdentityProviderSettings | undefined;
  /** Accept HS256 development tokens; default: only when no identity provider is configured. */
  readonly allowDevTokens?: boolean | undefined;
}

/** Built once per gateway: holds the identity provider's cached key set. */
export class Authenticator {
  readonly #db: Executor;
  readonly #identityProvider: IdentityProvider | null;
  readonly #devTokens: JwtSettings | null;

  constructor(settings: AuthSettings, db: Executor) {
    this.#db = db;
    this.#identityProvider =
      settings.identityProvider === undefined ? null : new IdentityProvider(settings.identityProvider);
    const accepted = settings.allowDevTokens ?? this.#identityProvider === null;
    this.#devTokens = accepted ? settings.jwt : null;
  }

  /** Who the credential names; TokenError when it is missing, malformed, forged, expired or revoked. */
  async verify(credential: string): Promise<VerifiedToken> {
    if (isApiKey(credential)) return verifyApiKey(this.#db, credential);
    let alg: unknown;
    try {
      ({ alg } = decodeProtectedHeader(credential));
    } catch {
      throw new TokenError('MALFORMED', 'The token is not a JWT');
    }
    if (alg === 'HS256') {
      if (this.#devTokens === null) {
        throw new TokenError(
          'INVALID',
          'Development (HS256) tokens are not accepted: use the identity provider or an API key',
        );
      }
      return verifyTokenExpiry(credential, this.#devTokens);
    }
    // Anything else must be one of the provider's algorithms: `none` and other HMACs never get this far.
    if (
      this.#identityProvider === null ||
      !(IDENTITY_PROVIDER_ALGORITHMS as readonly unknown[]).includes(alg)
    ) {
      throw new TokenError('INVALID', 'The token is not valid');
    }
    const claims = await this.#identityProvider.verify(credential);
    // The product may name its organization by our id or by its own (organizations.external_id); our id
    // is tried first (organizationByReference). Which of the two claims is unknown helps whoever wires the
    // provider up; neither value is echoed.
    const organization = await organizationByReference(this.#db, claims.organization);
    if (organization === null) throw new TokenError('INVALID', 'The token names no organization');
    const user = await userByExternalId(this.#db, organization.id, claims.externalUserId);
    if (user === null) {
      throw new TokenError('INVALID', 'The token names no user of its organization (by external id)');
    }
    return {
      // The token's role when it has one (createContext demotes an ADMIN claim of a member); else the database's.
      viewer: { userId: user.id, organizationId: user.organizationId, role: claims.role ?? user.role },
      expiresAt: claims.expiresAt,
    };
  }
}

export async function authenticate(
  services: GatewayServices,
  authorization: string | undefined | null,
  requestId: string,
  log: Logger,
): Promise<GatewayContext> {
  try {
    const { viewer } = await verifyAuthorization(services.authenticator, authorization);
    return await createContext(services, viewer, requestId, log);
  } catch (error) {
    // Ends the request before execution: typed here, or Apollo would answer 500.
    throw databaseUnavailableError(error, { http: true }) ?? error;
  }
}

/** The verified credential of an `Authorization` value, or UNAUTHENTICATED (missing, malformed, forged, expired). */
export async function verifyAuthorization(
  authenticator: Authenticator,
  authorization: string | undefined | null,
): Promise<VerifiedToken> {
  try {
    const token = bearerToken(authorization);
    if (token === null) {
      throw gatewayError('UNAUTHENTICATED', 'Send Authorization: Bearer <token>', { http: true });
    }
    return await authenticator.verify(token);
  } catch (error) {
    if (error instanceof TokenError) throw gatewayError('UNAUTHENTICATED', error.message, { http: true });
    throw error;
  }
}
