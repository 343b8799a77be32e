export type { TestCertificate, TestCertificates } from './certificates.js';
export { testCertificates } from './certificates.js';
export type {
  ExchangeBusyBlock,
  ExchangeEmulator,
  ExchangeEmulatorOptions,
  ExchangeEmulatorTls,
  ExchangeEmulatorUsers,
} from './emulator.js';
export { EXCHANGE_EMULATOR_CREDENTIALS, startExchangeEmulator } from './emulator.js';
