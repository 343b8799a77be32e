// Development tokens: HS256 JWTs the gateway mints itself, whose claims name the user, the organization and
// the role. Production tokens come from the identity provider (jwks.ts) or are API keys (api-keys.ts).
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

export const ROLES = ['MEMBER', 'ADMIN', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: taken from a verified token only. */
export interface Viewer {
  /** `sub`: a user id (MEMBER, ADMIN) or a service name (SERVICE). */
  readonly userId: string;
  /** `org`. Every query is confined to it. */
  readonly organizationId: string;
  readonly role: Role;
  /** Set when an API key authenticated the caller: every re-check also checks the key is still live. */
  readonly apiKeyId?: string;
}

export interface JwtSettings {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
}

export interface MintTokenOptions extends JwtSettings {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: Role;
  /** Lifetime in seconds (default one day), or a jose time span such as `'2h'`. */
  readonly expiresIn?: number | string;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const claimsSchema = z.object({
  sub: z.string().regex(ID_PATTERN),
  org: z.string().regex(ID_PATTERN),
  role: z.enum(ROLES),
});

export type TokenFailure = 'MISSING' | 'MALFORMED' | 'EXPIRED' | 'INVALID';

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly reason: TokenFailure,
    message: string,
  ) {
    super(message);
  }
}

const encoder = new TextEncoder();

export async function mintToken(options: MintTokenOptions): Promise<string> {
  const { sub, org, role } = claimsSchema.parse({
    sub: options.userId,
    org: options.organizationId,
    role: options.role,
  });
  const expiresIn = options.expiresIn ?? 24 * 60 * 60;
  return new SignJWT({ org, role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn)
    .sign(encoder.encode(options.secret));
}

/** Reads `Bearer <jwt>` (the scheme is case-insensitive). */
export function bearerToken(header: string | undefined | null): string | null {
  if (header === undefined || header === null) return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  if (match?.[1] === undefined) throw new TokenError('MALFORMED', 'Authorization must be "Bearer <token>"');
  return match[1];
}

/** A verified token: who it names, and until when (`exp`, which every JWT has; API keys have none). */
export interface VerifiedToken {
  readonly viewer: Viewer;
  readonly expiresAt: Date | null;
}

export async function verifyToken(token: string, settings: JwtSettings): Promise<Viewer> {
  return (await verifyTokenExpiry(token, settings)).viewer;
}

/** `verifyToken`, keeping the expiry: a WebSocket authenticated once must close when its token expires. */
export async function verifyTokenExpiry(
  token: string,
  settings: JwtSettings,
): Promise<VerifiedToken & { expiresAt: Date }> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, encoder.encode(settings.secret), {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: settings.audience,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new TokenError('EXPIRED', 'The token has expired');
    throw new TokenError('INVALID', 'The token is not valid');
  }
  const claims = claimsSchema.extend({ exp: z.number() }).safeParse(payload);
  if (!claims.success) throw new TokenError('INVALID', 'The token lacks valid sub, org and role claims');
  return {
    viewer: { userId: claims.data.sub, organizationId: claims.data.org, role: claims.data.role },
    expiresAt: new Date(claims.data.exp * 1000),
  };
}
