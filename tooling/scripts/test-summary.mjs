#!/usr/bin/env node
// Adds up the Vitest JSON reports every package writes to .vitest/report.json (turbo restores them from its
// cache too) and prints one closing line, `Tests: N passed, N failed`. Fails when a package that has a test
// script left no report, or when any test failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const folders = ['apps', 'packages', 'tooling'].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(group, name)) : [],
);
folders.push('bench');

let passed = 0;
let failed = 0;
let skipped = 0;
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
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(
    `${manifest.name.padEnd(24)} ${String(report.numPassedTests).padStart(4)} passed, ${report.numFailedTests} failed` +
      (report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''),
  );
}
if (missing.length) console.log(`no test report from: ${missing.join(', ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0;
