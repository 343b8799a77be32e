// Test helpers other packages' tests need from the gateway: a real OIDC identity provider on loopback, and the
// embedded demo (the emulators, the demo organizations) for the console's browser tests.

export type { EmbeddedGateway } from '../embedded.js';
export { startEmbedded } from '../embedded.js';
export type { Algorithm, SignOptions } from './identity-provider.js';
export { TestIdentityProvider } from './identity-provider.js';
