export { freshEvaluation } from './evaluation.js';
export type { ThrowawayDatabase } from './postgres.js';
export { createThrowawayDatabase, terminateBackends } from './postgres.js';
export { TcpProxy } from './tcp-proxy.js';
