// The SDK as a consumer gets it: built, packed with pnpm (which rewrites `catalog:`/`workspace:` ranges and
// applies publishConfig), installed with npm into an empty project outside the repository, type-checked by a
// strict nodenext consumer and run with Node against a live gateway (embedded PGlite, demo data).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGateway, type Gateway, gatewayConfig } from '@tsunagi/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(packageRoot, 'package.json'));
// The repository's own tools, run with this Node: no global pnpm or tsc is assumed.
const tsc = require.resolve('typescript/bin/tsc');
// pnpm's only export, '.', is its package.json.
const pnpm = join(dirname(require.resolve('pnpm')), 'bin/pnpm.cjs');

interface PackedManifest {
  name: string;
  version: string;
  exports: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

let work: string;
let tarball: string;
let gateway: Gateway;

/** Runs a command; on failure the error carries its stdout and stderr, which is what a reader needs. */
async function sh(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  try {
    // The timeout kills a hung child (SIGTERM) so a failure reads as its output, not as a test timeout.
    return await run(file, args, { cwd, env, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`, {
      cause: error,
    });
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tsunagi-sdk-package-'));
  // `test` does not depend on `build` in turbo's graph: build dist here (the SDK depends on no workspace
  // package at run time, so its own tsc build is all it needs).
  const [, started] = await Promise.all([
    sh(process.execPath, [tsc, '-p', 'tsconfig.build.json'], packageRoot),
    createGateway(gatewayConfig(), { seedDemo: true }),
  ]);
  gateway = started;
  await sh(process.execPath, [pnpm, 'pack', '--pack-destination', work], packageRoot);
  const packed = (await readdir(work)).filter((name) => name.endsWith('.tgz'));
  expect(packed).toHaveLength(1);
  tarball = join(work, packed[0]!);
}, 90_000);

afterAll(async () => {
  await gateway?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed @tsunagi/sdk', () => {
  it('ships dist (ESM and .d.ts), its sources for the maps, a changelog, and no test files', async () => {
    const { stdout } = await sh('tar', ['-tzf', tarball], work);
    const files = stdout.trim().split('\n').sort();
    expect(files).toEqual(
      expect.arrayContaining(['package/package.json', 'package/README.md', 'package/CHANGELOG.md']),
    );
    expect(files).toEqual(
      expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/client.js']),
    );
    expect(files.filter((file) => /test/.test(file))).toEqual([]);
    // dist is built in place: a module left over from an older build (no source any more) must not ship.
    const modules = (dir: string, ext: RegExp) =>
      files
        .filter((file) => file.startsWith(`package/${dir}/`) && ext.test(file))
        .map((file) => file.slice(9 + dir.length).replace(ext, ''));
    expect(modules('dist', /\.js$/)).toEqual(modules('src', /\.ts$/));
    expect(files.every((file) => /^package\/(dist|src)\/|^package\/[\w.]+$/.test(file))).toBe(true);
  });

  it('has a manifest that points only at dist files and real npm dependencies', async () => {
    await sh('tar', ['-xzf', tarball, 'package/package.json'], work);
    const text = await readFile(join(work, 'package/package.json'), 'utf8');
    const manifest = JSON.parse(text) as PackedManifest;
    expect(manifest).toMatchObject({
      name: '@tsunagi/sdk',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
    expect(manifest.exports).toEqual({ '.': { types: './dist/index.d.ts', default: './dist/index.js' } });
    // Nothing of the workspace: no protocol range, and no package of ours but this one, in any field
    // (`.pnpmfile.cjs` drops devDependencies and scripts, which pnpm would otherwise ship with versions of
    // workspace packages no registry has).
    expect(text).not.toMatch(/workspace:|catalog:/);
    const { name, ...rest } = manifest;
    expect(name).toBe('@tsunagi/sdk');
    expect(JSON.stringify(rest)).not.toContain('@tsunagi/');
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    const runtime = {
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    };
    expect(Object.keys(runtime).sort()).toEqual([
      '@graphql-typed-document-node/core',
      'graphql',
      'graphql-ws',
      'ws',
    ]);
    for (const range of Object.values(runtime)) expect(range).toMatch(/^\^?\d+\.\d+\.\d+$/);
  });

  it('has a README that shows the consumer this test runs, as it is', async () => {
    const consumer = await readFile(join(packageRoot, 'examples/consumer.ts'), 'utf8');
    const code = consumer.replace(/^(\/\/.*\n)+/, '').trim();
    expect(await readFile(join(packageRoot, 'README.md'), 'utf8')).toContain(`\`\`\`ts\n${code}\n\`\`\``);
  });

  it('installs into an empty project, type-checks a strict consumer and runs it against a live gateway', async () => {
    const project = join(work, 'consumer');
    await cp(join(packageRoot, 'examples/consumer.ts'), join(project, 'consumer.ts'));
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }),
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: ['node'],
          outDir: 'out',
        },
        files: ['consumer.ts'],
      }),
    );
    // npm, not pnpm: the way a consumer outside this workspace installs it. @types/node gives the consumer
    // `process` and `console` (the SDK's own types need only its dependencies and a global `fetch`).
    const env = npmEnvironment();
    await sh(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-save', tarball, '@types/node@20'],
      project,
      env,
    );

    // tsc checks the consumer and emits it: any type error, including an unused @ts-expect-error (which
    // would mean enums had degraded to `string`), fails this step with the compiler's output.
    await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], project);

    const { stdout } = await sh(process.execPath, ['out/consumer.js'], project, {
      ...env,
      TSUNAGI_URL: gateway.url,
      TSUNAGI_TOKEN: gateway.demo!.adminToken,
    });
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^alerts: [1-9]\d* connections in error, [1-9]\d* pages disabled$/),
      expect.stringMatching(/^mutation: ".+" enabled=false state=INACTIVE$/),
      'event: BOOKING_PAGE_UPDATED INACTIVE',
      'event: BOOKING_PAGE_STATE_CHANGED INACTIVE',
      'disconnected',
      'resumed: BOOKING_PAGE_UPDATED ACTIVE',
      'resumed: BOOKING_PAGE_STATE_CHANGED ACTIVE',
    ]);
  }, 90_000);
});

/** The environment without the npm_* variables a pnpm or turbo parent exports, so npm reads only its own config. */
function npmEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE_OPTIONS'),
  );
}
