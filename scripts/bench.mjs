// `npm run bench [name…]`: runs the benchmarks in tests/bench (each prints a markdown section),
// then writes them to BENCHMARKS.md with the command and the machine they ran on.
// `npm run bench:chat` etc. run one and update only its section.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** A benchmark's report (stdout) may be long; spawnSync's 1 MiB default would cut it off. */
const REPORT_BUFFER_BYTES = 64 * 2 ** 20;
const ALL = ['history', 'chat', 'sfu', 'golive', 'stage', 'ui', 'abuse', 'reconnect', 'multistream'];
const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : ALL;
const unknown = names.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${ALL.join(', ')}`);
  process.exit(2);
}

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
const file = 'BENCHMARKS.md';
const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';

function sectionOf(name, text) {
  const match = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`).exec(text);
  return match ? match[0] : null;
}

let failed = 0;
const sections = new Map();
for (const name of names) {
  const script = `tests/bench/${name}.ts`;
  if (!existsSync(script)) {
    console.error(`${script} is missing`);
    failed++;
    continue;
  }
  console.log(`\n=== bench:${name} (node --import tsx ${script})`);
  const started = new Date();
  // Shared machines: the load when the run began says how much the numbers were competing with.
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: REPORT_BUFFER_BYTES,
  });
  process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) {
    console.error(`bench:${name} failed (exit ${result.status})`);
    failed++;
    continue;
  }
  sections.set(
    name,
    [
      `<!-- bench:${name} -->`,
      `## ${name}`,
      '',
      `Command: \`npm run bench:${name}\` · run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · machine: ${machine} · load average at start (1/5/15 min): ${load}`,
      '',
      result.stdout.trim(),
      `<!-- /bench:${name} -->`,
    ].join('\n'),
  );
}

const header = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (all) or `npm run bench:<name>` (one section). Each table reports the',
  'median and spread of repeated runs and, where there is one, a baseline measured in the same run.',
  'These machines are noisy: compare ratios within one run, not absolute times across runs.',
  '',
].join('\n');
const body = ALL.map((name) => sections.get(name) ?? sectionOf(name, existing))
  .filter(Boolean)
  .join('\n\n');
writeFileSync(file, `${header}\n${body}\n`);
console.log(`\nWrote ${file}${failed > 0 ? ` (${failed} benchmark(s) failed)` : ''}`);
process.exit(failed > 0 ? 1 : 0);
