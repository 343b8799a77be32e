// pnpm hooks for this workspace (https://pnpm.io/pnpmfile). Only `beforePacking` (pnpm 10.28+,
// https://pnpm.io/blog/releases/10.28) is used: it edits the package.json that goes into a tarball made by
// `pnpm pack` or `pnpm publish`, never the one on disk. pnpm has already replaced `workspace:` and `catalog:`
// ranges with versions and applied `publishConfig` when it runs.
// pnpm-lock.yaml records this file's checksum: after editing it, run `pnpm install` so frozen installs pass.

/** Packages of this repository, which are never published: a packed package must not need one. */
const WORKSPACE_SCOPE = '@tsunagi/';

module.exports = {
  hooks: {
    beforePacking(pkg) {
      // Development dependencies (the workspace's own packages, its build and test tools) and the scripts
      // that run them mean nothing outside the repository; a consumer's install never reads them.
      delete pkg.devDependencies;
      delete pkg.scripts;
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        const names = Object.keys(pkg[field] ?? {}).filter((name) => name.startsWith(WORKSPACE_SCOPE));
        if (names.length > 0) {
          throw new Error(
            `${pkg.name} cannot be packed: its ${field} name workspace packages (${names.join(', ')})`,
          );
        }
      }
      return pkg;
    },
  },
};
