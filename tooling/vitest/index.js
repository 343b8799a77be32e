// Shared Vitest project settings. Workspace packages expose their TypeScript sources under the
// `@tsunagi/source` export condition, so tests run against src/ with no build step.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineProject, mergeConfig } from 'vitest/config';
import { SOURCE_CONDITIONS as conditions } from './source.js';

// Packages with both an .mjs ("module") and a .js ("main") entry, such as graphql, would load twice — once
// resolved by Vite for our sources, once by Node for a dependency — and break `instanceof` across the two
// copies ("Cannot use GraphQLObjectType from another module"). Pin each to the file Node itself resolves.
function pinToNodeResolution(packages) {
  const requireFromProject = createRequire(join(process.cwd(), 'package.json'));
  const aliases = [];
  for (const name of packages) {
    try {
      aliases.push({ find: new RegExp(`^${name}$`), replacement: requireFromProject.resolve(name) });
    } catch {
      // not a dependency of this project
    }
  }
  return aliases;
}

export const baseConfig = defineProject({
  resolve: { conditions, alias: pinToNodeResolution(['graphql']) },
  ssr: { resolve: { conditions, externalConditions: ['@tsunagi/source'] } },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The JSON report feeds tooling/scripts/test-summary.mjs (the closing line of `pnpm run ci`).
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

/** @param {import('vitest/config').UserProjectConfigExport} [overrides] */
export function tsunagiProject(overrides = {}) {
  return mergeConfig(baseConfig, overrides);
}
