export type {
  GoogleEmulator,
  GoogleEmulatorAccount,
  GoogleEmulatorClient,
  GoogleEmulatorEndpoints,
  GoogleEmulatorOptions,
} from './emulator.js';
export { DEFAULT_GOOGLE_EMULATOR_CLIENT, GOOGLE_SCOPES, startGoogleEmulator } from './emulator.js';
