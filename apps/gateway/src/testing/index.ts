// Test helpers other packages' tests need from the gateway: a real OIDC identity provider on loopback.
export type { Algorithm, SignOptions } from './identity-provider.js';
export { TestIdentityProvider } from './identity-provider.js';
