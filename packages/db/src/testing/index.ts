export { freshEvaluation } from './evaluation.js';
export type { TestPostgres, ThrowawayDatabase } from './postgres.js';
export {
  adminStatement,
  createThrowawayDatabase,
  databaseUrlFor,
  postgresProblem,
  probeTestPostgres,
  TEST_DATABASE_URL,
  terminateBackends,
} from './postgres.js';
export { TcpProxy } from './tcp-proxy.js';
