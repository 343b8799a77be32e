// Loads workspace TypeScript sources in a plain Node process (a test's child process), the way Vitest
// loads them in its workers: Vite transforms them on the fly under the `@tsunagi/source` condition.
import { createServer } from 'vite';

// Vitest hands `ssr.resolve.conditions` to Node as `--conditions`. Keep the list to the source condition and
// `node`: adding `import`/`module` makes CommonJS packages (pg requiring pg-pool) load ESM builds and fail.
export const SOURCE_CONDITIONS = ['@tsunagi/source', 'node', 'development|production'];

/**
 * A loader for the TypeScript modules of the package at `root`; `load('/src/index.ts')` returns the module.
 * @param {string} root
 */
export async function sourceLoader(root) {
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: { conditions: SOURCE_CONDITIONS },
    ssr: { resolve: { conditions: SOURCE_CONDITIONS, externalConditions: ['@tsunagi/source'] } },
  });
  return {
    /** @param {string} path */
    load: (path) => vite.ssrLoadModule(path),
    close: () => vite.close(),
  };
}
