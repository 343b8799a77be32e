export type { WorldArbitraryOptions, WorldChange } from './arbitraries.js';
export {
  applyWorldChange,
  pageArbitrary,
  statusArbitrary,
  worldArbitrary,
  worldChangeArbitrary,
  worldWithChangesArbitrary,
} from './arbitraries.js';
export { bookingPage, connection, location } from './builders.js';
export { applyImpactChange } from './impact.js';
export type { PlanLawOptions, PlanLawViolation } from './laws.js';
export { checkPlanLaws } from './laws.js';
export type { ReferenceVerdict } from './reference.js';
export { referenceEvaluate } from './reference.js';
export type { GenerateWorldOptions, World } from './world.js';
export { generateWorld, seededRandom } from './world.js';
