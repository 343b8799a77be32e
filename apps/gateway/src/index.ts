export type {
  ClaimNames,
  IdentityProviderSettings,
  JwtSettings,
  MintTokenOptions,
  Role,
  TokenFailure,
  Viewer,
} from './auth/index.js';
export { DEFAULT_CLAIM_NAMES, mintToken, ROLES, TokenError, verifyToken } from './auth/index.js';
export type { GatewayContext, GatewayServices } from './context.js';
export { createContext } from './context.js';
export type {
  EmbeddableGatewayConfig,
  GatewayConfig,
  GatewayEnv,
  LogLevel,
  QueryLimits,
  SubscriptionLimits,
} from './env.js';
export {
  ConfigError,
  configFromEnv,
  DEFAULT_LIMITS,
  DEFAULT_SUBSCRIPTION_LIMITS,
  gatewayConfig,
  parseEnv,
} from './env.js';
export type { ErrorCode } from './errors.js';
export { ERROR_CODES } from './errors.js';
export type { DemoAccess, Gateway, GatewayOptions } from './gateway.js';
export { createGateway, GRAPHQL_PATH } from './gateway.js';
export type { Logger } from './ops/logger.js';
export type {
  EmulatedProvidersOptions,
  ProviderRegistryDependencies,
  ProviderRegistryFactory,
} from './providers/adapters.js';
export { createEmulatedProviderRegistry } from './providers/adapters.js';
export type {
  AuthorizationStarted,
  CheckConnectionRequest,
  CompleteAuthorizationRequest,
  ProviderFailure,
  ProviderRegistry,
  ProviderResult,
  StartAuthorizationRequest,
} from './providers/registry.js';
export { UnconfiguredProviderRegistry } from './providers/registry.js';
export { createSchema } from './schema/index.js';
export { CONTRACT_FILE, printContract } from './schema/type-defs.js';
export type { TelemetryConfig } from './telemetry/config.js';
export { signalUrl, TELEMETRY_OFF } from './telemetry/config.js';
export type { Telemetry } from './telemetry/sdk.js';
export type { WebhookConfig } from './webhooks/config.js';
export { DEFAULT_WEBHOOK_CONFIG } from './webhooks/config.js';
