export type { TestCertificate, TestCertificates } from './certificates.js';
export { testCertificates } from './certificates.js';
export type {
  ExchangeBusyBlock,
  ExchangeEmulator,
  ExchangeEmulatorApplication,
  ExchangeEmulatorAuth,
  ExchangeEmulatorOptions,
  ExchangeEmulatorRequest,
  ExchangeEmulatorTls,
  ExchangeEmulatorUsers,
} from './emulator.js';
export {
  EXCHANGE_EMULATOR_APPLICATION,
  EXCHANGE_EMULATOR_CREDENTIALS,
  startExchangeEmulator,
} from './emulator.js';
