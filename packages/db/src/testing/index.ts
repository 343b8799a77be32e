export type { ThrowawayDatabase } from './postgres.js';
export { createThrowawayDatabase } from './postgres.js';
