export type { EmulatedAppCredential, EmulatedApplication } from './applications.js';
export type {
  MicrosoftEmulator,
  MicrosoftEmulatorAccount,
  MicrosoftEmulatorEndpoints,
  MicrosoftEmulatorOptions,
} from './emulator.js';
export {
  MICROSOFT_EMULATOR_CLIENT_ID,
  MICROSOFT_EMULATOR_CLIENT_SECRET,
  MICROSOFT_EMULATOR_TENANT_ID,
  startMicrosoftEmulator,
} from './emulator.js';
