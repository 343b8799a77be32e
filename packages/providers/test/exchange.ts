// Exchange test setup shared by the analyzer/probe suites: a host resolver that maps the emulator's certificate
// name to loopback (and nothing else), and Exchange emulators started per test and stopped after it.
import {
  type ExchangeEmulator,
  type ExchangeEmulatorOptions,
  startExchangeEmulator,
} from '@tsunagi/emulators';
import { afterEach } from 'vitest';

/** Resolves `localhost` (the name on the emulator's certificates) to 127.0.0.1; any other host is ENOTFOUND. */
export const loopback = async (host: string): Promise<string> => {
  if (host === 'localhost') return '127.0.0.1';
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

/** Starts an Exchange emulator for the running test; every one started is stopped after the test. */
export function useExchangeEmulators(): (options: ExchangeEmulatorOptions) => Promise<ExchangeEmulator> {
  const running: ExchangeEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.stop()));
  });
  return async (options) => {
    const e = await startExchangeEmulator(options);
    running.push(e);
    return e;
  };
}
