// Live updates over graphql-ws: any connection status change or page state change the viewer may see bumps the
// version, so the banner and the open screen reload without a page reload. A dropped socket resubscribes.
import {
  BookingPageStateChangedSubscription,
  ConnectionStatusChangedSubscription,
  type TsunagiClient,
} from '@tsunagi/sdk';
import { useEffect, useState } from 'preact/hooks';

const RETRY_MS = 1_000;

async function follow(
  iterate: () => AsyncIterableIterator<unknown>,
  signal: AbortSignal,
  onEvent: () => void,
): Promise<void> {
  while (!signal.aborted) {
    try {
      for await (const _event of iterate()) onEvent();
    } catch {
      // Reconnect below, after a pause; the reload on resubscribing catches anything missed meanwhile.
    }
    if (signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    onEvent();
  }
}

export function useLiveVersion(client: TsunagiClient): [number, () => void] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const bump = () => setVersion((n) => n + 1);
    const { signal } = controller;
    void follow(() => client.subscribe(ConnectionStatusChangedSubscription, {}, { signal }), signal, bump);
    void follow(() => client.subscribe(BookingPageStateChangedSubscription, {}, { signal }), signal, bump);
    return () => controller.abort();
  }, [client]);
  return [version, () => setVersion((n) => n + 1)];
}
