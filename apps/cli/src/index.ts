export { runCli, USAGE } from './cli.js';
export type { EvaluatedPage } from './evaluate.js';
export { formatEvaluation, parseWorld } from './evaluate.js';
export { formatClassification } from './explain.js';
export type { CliIo } from './io.js';
export { CliUsageError } from './io.js';
