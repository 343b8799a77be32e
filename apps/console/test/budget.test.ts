// The first load's budget: the JavaScript index.html loads, gzipped, stays under 200 KB (issue 13).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET_BYTES = 200 * 1024;

it('ships at most 200 KB of gzipped JavaScript on the first load', () => {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/console\/([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(`${DIST}${file}`)).length, 0);
  console.log(`first load: ${scripts.length} script(s), ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
});
