#!/usr/bin/env node
// Adds up the Vitest JSON reports every package writes to .vitest/report.json (turbo restores them from its
// cache too) and prints one closing line, `Tests: N passed, N failed, N skipped`. Fails when a package that
// has a test script left no report, when any test or test file failed (a file that cannot even load, e.g.
// under CI without PostgreSQL, runs no test), or, under CI, when any test was skipped: a test that did not
// run proves nothing, and CI has every part (PostgreSQL included) a test needs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const folders = ['apps', 'packages', 'tooling'].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(group, name)) : [],
);
folders.push('bench');
const ci = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

let passed = 0;
let failed = 0;
let skipped = 0;
const brokenFiles = [];
const missing = [];
for (const folder of folders) {
  const manifestPath = join(root, folder, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.scripts?.test) continue;
  const reportPath = join(root, folder, '.vitest', 'report.json');
  if (!existsSync(reportPath)) {
    missing.push(manifest.name);
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const notRun = report.numPendingTests + (report.numTodoTests ?? 0);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += notRun;
  for (const file of report.testResults ?? []) {
    const ran = (file.assertionResults ?? []).some((test) => test.status === 'failed');
    if (file.status === 'failed' && !ran) {
      brokenFiles.push(`${file.name.slice(root.length)}: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  console.log(
    `${manifest.name.padEnd(24)} ${String(report.numPassedTests).padStart(4)} passed, ` +
      `${report.numFailedTests} failed, ${notRun} skipped`,
  );
}
if (missing.length) console.log(`no test report from: ${missing.join(', ')}`);
for (const broken of brokenFiles) console.log(`test file failed before its tests ran: ${broken}`);
if (ci && skipped > 0) console.log(`CI runs every test: ${skipped} skipped count as failures`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
const ok =
  failed === 0 && brokenFiles.length === 0 && missing.length === 0 && passed > 0 && !(ci && skipped > 0);
process.exitCode = ok ? 0 : 1;
