// Paths under /console/, in the address bar (the OAuth callback returns to one with its outcome in the query).
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/console';

export interface Route {
  readonly path: string;
  readonly query: URLSearchParams;
}

const current = (): Route => ({
  path: location.pathname.startsWith(`${BASE}/`) ? location.pathname.slice(BASE.length) : '/',
  query: new URLSearchParams(location.search),
});

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const url = `${BASE}${path}`;
  if (options.replace) history.replaceState(options.state ?? null, '', url);
  else history.pushState(options.state ?? null, '', url);
  for (const listener of listeners) listener();
  // A new screen: move the focus to its title, so keyboard and screen reader users start there.
  if (!options.replace) requestAnimationFrame(() => document.getElementById('screen-title')?.focus());
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** The absolute URL of a console path, e.g. an OAuth return URL. */
export const consoleUrl = (path: string) => new URL(`${BASE}${path}`, location.href).href;
