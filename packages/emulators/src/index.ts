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
  TestCertificate,
  TestCertificates,
} from './exchange/index.js';
export {
  EXCHANGE_EMULATOR_APPLICATION,
  EXCHANGE_EMULATOR_CREDENTIALS,
  startExchangeEmulator,
  testCertificates,
} from './exchange/index.js';
export type { Fault, FaultControlAnswer, FaultKind, RequestFault } from './faults.js';
export { applyFaultControl, controlAccount, FaultBook, parseFault } from './faults.js';
export type {
  GoogleEmulator,
  GoogleEmulatorAccount,
  GoogleEmulatorClient,
  GoogleEmulatorEndpoints,
  GoogleEmulatorOptions,
} from './google/index.js';
export { DEFAULT_GOOGLE_EMULATOR_CLIENT, GOOGLE_SCOPES, startGoogleEmulator } from './google/index.js';
export type {
  EmulatedAppCredential,
  EmulatedApplication,
  MicrosoftEmulator,
  MicrosoftEmulatorAccount,
  MicrosoftEmulatorEndpoints,
  MicrosoftEmulatorOptions,
} from './microsoft/index.js';
export {
  MICROSOFT_EMULATOR_CLIENT_ID,
  MICROSOFT_EMULATOR_CLIENT_SECRET,
  MICROSOFT_EMULATOR_TENANT_ID,
  startMicrosoftEmulator,
} from './microsoft/index.js';
export type {
  ZoomDeauthorizationInput,
  ZoomEmulator,
  ZoomEmulatorAccount,
  ZoomEmulatorEndpoints,
  ZoomEmulatorOptions,
  ZoomWebhookDelivery,
} from './zoom/index.js';
export {
  startZoomEmulator,
  ZOOM_EMULATOR_CLIENT_ID,
  ZOOM_EMULATOR_CLIENT_SECRET,
  ZOOM_EMULATOR_WEBHOOK_SECRET,
  ZOOM_SCOPES,
  zoomEncryptedToken,
  zoomSignature,
} from './zoom/index.js';
