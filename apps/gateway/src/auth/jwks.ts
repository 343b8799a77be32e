// End-user tokens from the product's identity provider, checked against its published keys (JWKS), found
// through OIDC discovery (`<issuer>/.well-known/openid-configuration` → `jwks_uri`, OpenID Connect
// Discovery 1.0 §4) or given directly. jose's createRemoteJWKSet caches the key set, refetches it when a
// token names a `kid` it does not hold (key rotation) and waits `cooldownDuration` between such refetches, so
// a flood of forged kids cannot turn into a flood of requests to the provider
// (https://github.com/panva/jose/blob/main/docs/jwks/remote/functions/createRemoteJWKSet.md).
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { gatewayError } from '../errors.js';
import { TokenError } from './token.js';

/** Asymmetric algorithms only: an HMAC "verified" with a public key is the algorithm-confusion attack. */
export const IDENTITY_PROVIDER_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

export interface ClaimNames {
  /** Names the organization by our id or the product's external id for it (default `org`). */
  readonly organization: string;
  /** Names the user by the product's id, matched to users.external_id (default `sub`). */
  readonly user: string;
  /** MEMBER or ADMIN (default `role`); absent, the user's role in the database applies. */
  readonly role: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = Object.freeze({
  organization: 'org',
  user: 'sub',
  role: 'role',
});

export interface IdentityProviderSettings {
  /** The `iss` every token must carry; also where discovery starts unless `jwksUrl` is given. */
  readonly issuer: string;
  /** The key set's URL; absent, it is read from the issuer's discovery document. */
  readonly jwksUrl?: string | undefined;
  /** The `aud` every token must carry (this gateway). */
  readonly audience: string;
  readonly claims: ClaimNames;
  /** Least time between two refetches of the key set (jose's cooldownDuration). */
  readonly cooldownMs?: number;
  /** How long a fetched key set is trusted before it is fetched again (jose's cacheMaxAge). */
  readonly cacheMaxAgeMs?: number;
  /** One request to the discovery document or the key set. */
  readonly timeoutMs?: number;
}

/** What a provider's token says, before the database has a say. */
export interface IdentityClaims {
  /** The organization claim as sent: our id (`org_…`) or the organization's external id. */
  readonly organization: string;
  readonly externalUserId: string;
  readonly role: 'MEMBER' | 'ADMIN' | null;
  readonly expiresAt: Date;
}

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.string().url() });
const claimValue = z.string().min(1).max(256);

export class IdentityProvider {
  readonly #settings: IdentityProviderSettings;
  #keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  constructor(settings: IdentityProviderSettings) {
    this.#settings = settings;
  }

  /** Verifies signature, algorithm, issuer, audience, expiry and not-before; throws TokenError. */
  async verify(token: string): Promise<IdentityClaims> {
    const keys = await this.#keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: [...IDENTITY_PROVIDER_ALGORITHMS],
        issuer: this.#settings.issuer,
        audience: this.#settings.audience,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new TokenError('EXPIRED', 'The token has expired');
      if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
        throw unreachable();
      }
      if (error instanceof TypeError) throw unreachable(); // fetch's network failure
      throw new TokenError('INVALID', 'The token is not valid');
    }
    return this.#claims(payload);
  }

  #claims(payload: JWTPayload): IdentityClaims {
    const names = this.#settings.claims;
    const organization = claimValue.safeParse(payload[names.organization]);
    const user = claimValue.safeParse(payload[names.user]);
    if (!organization.success || !user.success) {
      throw new TokenError('INVALID', `The token lacks the ${names.organization} and ${names.user} claims`);
    }
    const rawRole = payload[names.role];
    const role = rawRole === undefined ? null : z.enum(['MEMBER', 'ADMIN']).safeParse(rawRole);
    if (role !== null && !role.success) {
      throw new TokenError('INVALID', `The token's ${names.role} claim must be MEMBER or ADMIN`);
    }
    return {
      organization: organization.data,
      externalUserId: user.data,
      role: role?.data ?? null,
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  }

  /** The remote key set, discovered once; a failed discovery is retried by the next token. */
  #keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.#keys === null) {
      this.#keys = this.#jwksUrl().then((url) =>
        createRemoteJWKSet(new URL(url), {
          cooldownDuration: this.#settings.cooldownMs ?? 30_000,
          cacheMaxAge: this.#settings.cacheMaxAgeMs ?? 10 * 60_000,
          timeoutDuration: this.#settings.timeoutMs ?? 5_000,
        }),
      );
      this.#keys.catch(() => {
        this.#keys = null;
      });
    }
    return this.#keys;
  }

  async #jwksUrl(): Promise<string> {
    if (this.#settings.jwksUrl !== undefined) return this.#settings.jwksUrl;
    const url = `${this.#settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: z.infer<typeof discoverySchema>;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.#settings.timeoutMs ?? 5_000) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      document = discoverySchema.parse(await response.json());
    } catch {
      throw unreachable();
    }
    // OpenID Connect Discovery 1.0 §4.3: the document's issuer must be the one it was fetched for.
    if (document.issuer !== this.#settings.issuer) throw unreachable();
    return document.jwks_uri;
  }
}

function unreachable() {
  return gatewayError('PROVIDER_ERROR', 'The identity provider could not be reached to check the token', {
    http: true,
    extensions: { provider: 'identity-provider', retryable: true },
  });
}
