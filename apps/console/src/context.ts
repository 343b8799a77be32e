// What every screen reads: the signed-in client and viewer, the language, and the live version that
// subscriptions bump whenever a connection or a page changes (screens reload their data on it).
import type { ResultOf, TsunagiClient, ViewerQuery } from '@tsunagi/sdk';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { ConsoleLocale, Translate } from './i18n/index.js';

export type Viewer = ResultOf<typeof ViewerQuery>['viewer'];

export interface ConsoleContextValue {
  readonly client: TsunagiClient;
  readonly token: string;
  readonly viewer: Viewer;
  readonly locale: ConsoleLocale;
  readonly t: Translate;
  readonly date: (iso: string | null | undefined) => string;
  /** Bumped by every live event. */
  readonly version: number;
  /** Bumps the version after a mutation, so every screen reloads. */
  readonly changed: () => void;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (value === null) throw new Error('useConsole outside the signed-in console');
  return value;
}

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly reload: () => void;
}

/** Loads on mount, when `deps` change and on every live event; keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const { version } = useConsole();
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const [again, setAgain] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data }),
      (error: unknown) =>
        current &&
        setState((before) => ({
          ...before,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
    );
    return () => {
      current = false;
    };
  }, [version, again, ...deps]);
  const reload = useCallback(() => setAgain((n) => n + 1), []);
  return { data: state.data, error: state.error, reload };
}

export interface Action {
  readonly busy: boolean;
  readonly message: string | null;
  readonly run: (perform: () => Promise<unknown>) => Promise<void>;
}

/** A button's mutation: busy while it runs, then "Done." or the error, announced in a live region. */
export function useAction(): Action {
  const { t, changed } = useConsole();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = useCallback(
    async (perform: () => Promise<unknown>) => {
      setBusy(true);
      setMessage(null);
      try {
        await perform();
        setMessage(t('common.done'));
        changed();
      } catch (error) {
        setMessage(t('common.failed', { message: error instanceof Error ? error.message : String(error) }));
      } finally {
        setBusy(false);
      }
    },
    [t, changed],
  );
  return { busy, message, run };
}
