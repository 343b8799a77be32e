// A real OIDC identity provider on 127.0.0.1 for tests: the discovery document and a JWKS over node:http,
// keys that can be rotated while the gateway runs, and tokens signed with them.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';

export type Algorithm = 'RS256' | 'ES256' | 'EdDSA';

interface Key {
  readonly alg: Algorithm;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: JWK;
}

export interface SignOptions {
  readonly kid: string;
  readonly claims: JWTPayload;
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds from now (negative: already expired). */
  readonly expiresIn?: number;
  /** Seconds from now the token becomes valid. */
  readonly notBefore?: number;
}

export class TestIdentityProvider {
  /** Requests for the key set, to see refetches happen (and not happen). */
  jwksFetches = 0;
  discoveryFetches = 0;
  readonly #keys = new Map<string, Key>();
  readonly #server: Server;
  readonly issuer: string;

  private constructor(server: Server, issuer: string) {
    this.#server = server;
    this.issuer = issuer;
  }

  static async start(): Promise<TestIdentityProvider> {
    let provider: TestIdentityProvider | undefined;
    const server = createServer((request, response) => {
      if (provider === undefined) return void response.writeHead(503).end();
      if (request.url === '/.well-known/openid-configuration') {
        provider.discoveryFetches += 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ issuer: provider.issuer, jwks_uri: `${provider.issuer}/jwks` }));
      } else if (request.url === '/jwks') {
        provider.jwksFetches += 1;
        response.writeHead(200, { 'content-type': 'application/jwk-set+json' });
        response.end(JSON.stringify({ keys: [...provider.#keys.values()].map((key) => key.jwk) }));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    provider = new TestIdentityProvider(server, `http://127.0.0.1:${port}`);
    return provider;
  }

  /** Publishes a new key; returns its kid. */
  async addKey(alg: Algorithm = 'RS256'): Promise<string> {
    const kid = `kid-${randomBytes(6).toString('hex')}`;
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    this.#keys.set(kid, { alg, privateKey, publicKey, jwk });
    return kid;
  }

  /** Stops publishing a key (its private half stays, to sign tokens that must now be refused). */
  removeKey(kid: string): void {
    const key = this.#key(kid);
    this.#removed.set(kid, key);
    this.#keys.delete(kid);
  }

  readonly #removed = new Map<string, Key>();

  /** The key's public half as PEM: what an algorithm-confusion attacker would use as an HMAC secret. */
  publicPem(kid: string): Promise<string> {
    return exportSPKI(this.#key(kid).publicKey);
  }

  sign(options: SignOptions): Promise<string> {
    const key = this.#key(options.kid);
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(options.claims)
      .setProtectedHeader({ alg: key.alg, kid: options.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? 'tsunagi-gateway')
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 600));
    if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
    return jwt.sign(key.privateKey);
  }

  #key(kid: string): Key {
    const key = this.#keys.get(kid) ?? this.#removed.get(kid);
    if (key === undefined) throw new Error(`No key ${kid}`);
    return key;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
