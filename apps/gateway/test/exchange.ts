// Exchange test setup shared by the settings and seed suites: EWS emulators started on demand (stopped after
// the file), each knowing the participant mailbox, with their test CA added to the trust store the gateway
// was given; and a resolver that knows only localhost, so nothing leaves the machine.
import {
  type ExchangeEmulator,
  type ExchangeEmulatorOptions,
  startExchangeEmulator,
} from '@tsunagi/emulators';
import { afterAll } from 'vitest';

export { loopbackOnly } from '../src/demo/emulators.js';

/** The mailbox every emulator knows: the availability lookup's participant. */
export const PARTICIPANT = 'mario.rossi@contoso.test';

/** Starts EWS emulators for one test file; `trustedCa` is the array the gateway's exchange options hold. */
export function useExchangeEmulators(
  trustedCa: string[],
): (options: ExchangeEmulatorOptions) => Promise<ExchangeEmulator> {
  const started: ExchangeEmulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((e) => e.stop()));
  });
  return async (options) => {
    const e = await startExchangeEmulator(options);
    started.push(e);
    e.users.add(PARTICIPANT);
    if (e.caPem !== '' && !trustedCa.includes(e.caPem)) trustedCa.push(e.caPem);
    return e;
  };
}
