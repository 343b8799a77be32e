export type { TestCertificate, TestCertificates } from './certificates.js';
export { testCertificates } from './certificates.js';
export type {
  ExchangeBusyBlock,
  ExchangeEmulator,
  ExchangeEmulatorApplication,
  ExchangeEmulatorAuth,
  ExchangeEmulatorFaults,
  ExchangeEmulatorOptions,
  ExchangeEmulatorRequest,
  ExchangeEmulatorTls,
  ExchangeEmulatorUsers,
  ExchangeFault,
  ExchangeTransientCode,
} from './emulator.js';
export {
  EXCHANGE_EMULATOR_APPLICATION,
  EXCHANGE_EMULATOR_CREDENTIALS,
  startExchangeEmulator,
} from './emulator.js';
