// `npm test`: typecheck (node and web programs), lint, format check, import cycles, build, unit tests (vitest) and end-to-end
// tests (Playwright + Debian Chromium). Every stage runs even if an earlier one failed, and the
// last line is the combined "N passed, N failed, N skipped" summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Not under test-results/: Playwright empties that folder when it starts.
const reportDir = join(process.cwd(), '.tmp', 'test-reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const vitestReport = join(reportDir, 'vitest.json');
const playwrightReport = join(reportDir, 'playwright.json');

/** A leftover process's command line is shortened to this many characters in the report. */
const ARGS_SHOWN = 160;

const stages = [
  ['typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['typecheck (browser tests)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  // Prettier's width and quotes only hold if something checks them.
  ['format', 'npx', ['prettier', '--check', '.']],
  // Type-only imports count: a cycle of types still ties two modules' designs together.
  [
    'import cycles',
    'npx',
    ['dpdm', '--no-tree', '--no-warning', '--exit-code', 'circular:1', 'src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}', 'scripts/**/*.mjs'],
  ],
  ['build', 'npx', ['electron-vite', 'build']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ['e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }],
];

const failedStages = [];
for (const [name, command, args, env] of stages) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) failedStages.push(name);
}

function vitestCounts() {
  if (!existsSync(vitestReport)) return null;
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
}

function playwrightCounts() {
  if (!existsSync(playwrightReport)) return null;
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped, flaky: stats.flaky };
}

/**
 * The suite must leave nothing running: any process of this project still alive now (a studio,
 * a rehearsal server, a browser the specs launched) fails the run and is ended.
 */
function leftoverProcesses() {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout ?? '';
  const ours = /out\/main\/headless\.js|src\/main\/rehearsal\/cli\.ts|chatServerEntry|--user-data-dir=\S*playwright/u;
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => ours.test(line) && !line.includes(' ps -eo'))
    .map((line) => ({ pid: Number(line.split(/\s+/u)[0]), args: line.slice(line.indexOf(' ') + 1) }))
    .filter(({ pid }) => pid !== process.pid);
}

const leftover = leftoverProcesses();
if (leftover.length > 0) {
  console.log(`\n=== leftover processes: ${leftover.length} still running after the tests; ending them`);
  for (const { pid, args } of leftover) {
    console.log(`  ${pid} ${args.slice(0, ARGS_SHOWN)}`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
  failedStages.push('leftover processes');
}

const unit = vitestCounts() ?? { passed: 0, failed: 0, skipped: 0 };
const e2e = playwrightCounts() ?? { passed: 0, failed: 0, skipped: 0 };
const total = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed, skipped: unit.skipped + e2e.skipped };
// A stage that failed without failing a test (typecheck, lint, a crash) still fails the run.
const stageFailures = failedStages.filter((name) => !((name === 'unit' && unit.failed > 0) || (name === 'e2e' && e2e.failed > 0))).length;

console.log('\n=== summary');
console.log(`unit (vitest): ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(
  `e2e (playwright): ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped${e2e.flaky ? ` (${e2e.flaky} passed only on a retry: see "flaky" above)` : ''}`,
);
if (failedStages.length > 0) console.log(`failed stages: ${failedStages.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed + stageFailures} failed, ${total.skipped} skipped`);
process.exit(failedStages.length === 0 && total.passed > 0 ? 0 : 1);
