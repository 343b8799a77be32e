export type { WireCase, WireCaseExpectation } from './wire-cases.js';
export { wireCases } from './wire-cases.js';
