import { tsunagiProject } from '@tsunagi/vitest-config';
import type { UserWorkspaceConfig } from 'vitest/config';

const shared = tsunagiProject();

// Vitest hands `ssr.resolve.conditions` to Node as `--conditions` flags. The shared list includes `import`
// and `module`, which make CommonJS `require('pg-pool')` (inside pg) load pg-pool's ESM build and fail
// ("Class extends value [object Module]"). Vite adds import/require/default by itself, so keeping only
// the source condition and `node` resolves everything the same way, pg included.
const config: UserWorkspaceConfig = {
  ...shared,
  ssr: {
    ...shared.ssr,
    resolve: { ...shared.ssr?.resolve, conditions: ['@tsunagi/source', 'node', 'development|production'] },
  },
  test: { ...shared.test, hookTimeout: 60_000 },
};

export default config;
