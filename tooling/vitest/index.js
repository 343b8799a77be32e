// Shared Vitest project settings. Workspace packages expose their TypeScript sources under the
// `@tsunagi/source` export condition, so tests run against src/ with no build step.
import { defineProject, mergeConfig } from 'vitest/config';

const conditions = ['@tsunagi/source', 'import', 'module', 'node', 'default'];

export const baseConfig = defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@tsunagi/source'] } },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

/** @param {import('vitest/config').UserProjectConfigExport} [overrides] */
export function tsunagiProject(overrides = {}) {
  return mergeConfig(baseConfig, overrides);
}
