export { freshEvaluation } from './evaluation.js';
export type { ThrowawayDatabase } from './postgres.js';
export { createThrowawayDatabase, terminateBackends } from './postgres.js';
export type { ServiceTestDatabase } from './service-database.js';
export { testKeyring, useServiceTestDatabase } from './service-database.js';
export { TcpProxy } from './tcp-proxy.js';
