export type {
  ZoomDeauthorizationInput,
  ZoomEmulator,
  ZoomEmulatorAccount,
  ZoomEmulatorEndpoints,
  ZoomEmulatorOptions,
  ZoomWebhookDelivery,
} from './emulator.js';
export {
  startZoomEmulator,
  ZOOM_EMULATOR_CLIENT_ID,
  ZOOM_EMULATOR_CLIENT_SECRET,
  ZOOM_EMULATOR_WEBHOOK_SECRET,
  ZOOM_SCOPES,
} from './emulator.js';
export { zoomEncryptedToken, zoomSignature } from './wire.js';
