import { tsunagiProject } from '@tsunagi/vitest-config';

// One browser per file; the files run one after another so two Chromiums never share the machine's cores.
export default tsunagiProject({
  test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000 },
});
