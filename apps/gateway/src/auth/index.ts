// Front door of authentication: development tokens, identity-provider tokens, API keys.
export type { AuthSettings } from './authenticate.js';
export { Authenticator, authenticate, verifyAuthorization } from './authenticate.js';
export type { ClaimNames, IdentityClaims, IdentityProviderSettings } from './jwks.js';
export { DEFAULT_CLAIM_NAMES, IDENTITY_PROVIDER_ALGORITHMS, IdentityProvider } from './jwks.js';
export { apiKeyResolvers } from './resolvers.js';
export type { JwtSettings, MintTokenOptions, Role, TokenFailure, VerifiedToken, Viewer } from './token.js';
export { bearerToken, mintToken, ROLES, TokenError, verifyToken, verifyTokenExpiry } from './token.js';
