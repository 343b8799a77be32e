export type {
  AnalyzeExchangeConnectionInput,
  ExchangeConnectionReport,
  ExchangeStep,
  ExchangeStepId,
  ExchangeStepStatus,
} from './analyzer.js';
export {
  analyzeExchangeConnection,
  EXCHANGE_STEP_IDS,
  INTEROP_MESSAGES,
  testExchangeConnection,
} from './analyzer.js';
export type { EwsUrlCheck } from './ews-url.js';
export { parseEwsUrl } from './ews-url.js';
export type { ExchangeCalendarProbeOptions } from './probe.js';
export { ExchangeCalendarProbe, ExchangeCalendarProvider } from './probe.js';
