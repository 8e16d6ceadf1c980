// `npm test`: typecheck, lint, the vitest suites and the end-to-end run in Chromium, with one
// closing line `N passed, N failed` summed over all of them (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = [];
const outDir = mkdtempSync(join(tmpdir(), 'counter-test-'));

function run(label, command, args) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  console.log(`── ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function suite(label, configArgs) {
  const report = join(outDir, `${label}.json`);
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    results.push({ label, passed: 0, failed: 1 });
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
  results.push({ label, passed: json.numPassedTests, failed });
}

function chromiumAvailable() {
  if (existsSync('/usr/bin/chromium')) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || spawnSync('which', ['apt-get']).status !== 0) return false;
  console.log('Chromium is missing: installing Debian’s chromium package for the end-to-end tests…');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei'], { stdio: 'inherit' });
  return existsSync('/usr/bin/chromium');
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
// shared/ alone, without DOM or Node types: it must run anywhere.
check('typecheck shared/', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.shared.json']);
check('lint', 'npx', ['biome', 'ci', '.']);
suite('unit-integration-contract', []);
if (chromiumAvailable()) suite('e2e', ['--config', 'tests/e2e/vitest.config.ts']);
else {
  console.error('End-to-end tests need Chromium at /usr/bin/chromium: `sudo apt-get install chromium`.');
  results.push({ label: 'e2e', passed: 0, failed: 1 });
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.label.padEnd(28)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
