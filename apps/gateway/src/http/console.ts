// The reference web console (apps/console), served at /console from its built files: hashed assets cached for
// good, every other path under /console answered with its index.html (the console routes in the browser).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';

export const CONSOLE_PATH = '/console';

/**
 * Where `turbo run build` leaves the console in this repository (apps/console/dist, beside the gateway; the
 * gateway's build depends on the console's), or null when it has not been built.
 */
export function builtConsoleDir(): string | null {
  // From apps/gateway/src/http or apps/gateway/dist/http alike.
  const dir = fileURLToPath(new URL('../../../console/dist/', import.meta.url));
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

export interface ConsoleRouterOptions {
  /** The console's built files (index.html and assets/). */
  readonly dir: string;
  /** Embedded mode only: answers GET /console/demo-users, the demo people to sign in as. */
  readonly demoUsers?: RequestHandler | undefined;
}

export function consoleRouter(options: ConsoleRouterOptions): Router {
  const router = Router();
  // Vite names every asset by its content hash.
  router.use(
    `${CONSOLE_PATH}/assets`,
    express.static(join(options.dir, 'assets'), { immutable: true, maxAge: '365d' }),
    (_request: Request, response: Response) => {
      response.status(404).type('text').send('Not found');
    },
  );
  if (options.demoUsers !== undefined) router.get(`${CONSOLE_PATH}/demo-users`, options.demoUsers);
  // Express matches /console/ here too (non-strict routing): only the bare path is sent on.
  router.get(CONSOLE_PATH, (request, response, next) => {
    if (request.path === CONSOLE_PATH) response.redirect(301, `${CONSOLE_PATH}/`);
    else next();
  });
  const index = join(options.dir, 'index.html');
  router.get(`${CONSOLE_PATH}/{*path}`, (request, response, next) => {
    // A browser's navigation; an API client asking for JSON (e.g. demo-users where it is not offered) gets 404.
    if (!request.accepts('html')) {
      next();
      return;
    }
    response
      .set('cache-control', 'no-store')
      .set('referrer-policy', 'no-referrer')
      .set('x-content-type-options', 'nosniff')
      .sendFile(index);
  });
  return router;
}
