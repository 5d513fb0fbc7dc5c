/**
 * Multistream cost: `node --import tsx tests/bench/multistream.ts [--runs 3] [--seconds 12]`.
 *
 * A live 1280x720 VP8/Opus WebM program (ffmpeg generating in real time, its own process, as the
 * studio's MediaRecorder would) is fed in 36 KiB pieces to the MultistreamService, which encodes
 * it once (H.264 veryfast 1280x720 3000k + AAC) and remuxes a copy to each destination: 0 (the
 * baseline: encoder only, its one destination switched off), 1, 2 and 3 loopback RTMP ingests
 * (ffmpeg in listen mode, separate processes). Reported: CPU of the encoder and of all remux
 * processes together (from /proc, over the window where every destination is live), their resident
 * memory at the end of the window, and the time from the first program piece to the first frame
 * received at each ingest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/openDatabase';
import { createStream } from '../../src/main/db/history/streams';
import { createLogger } from '../../src/main/logging';
import { ffmpegPath } from '../../src/main/multistream/ffmpegBinary';
import { MultistreamService } from '../../src/main/multistream/multistreamService';
import { MemorySecretStore } from '../../src/main/settings/secretStore';
import { RECORDING_PIECE_BYTES } from '../../src/shared/domain/recording';
import type { MultistreamStatus } from '../../src/shared/domain/multistream';
import { freePort, ingestArgs, startProgram } from '../multistream/rtmpServers';
import { option } from './cliOption';
import { stats } from './timingTable';

const runs = Math.max(1, Number(option('runs', '3')));
const seconds = Math.max(8, Number(option('seconds', '12')));
const CLOCK_TICKS = 100;
const began = Date.now();

function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    // The process has exited between samples: it used no more CPU.
    return 0;
  }
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    // The process has exited between samples: it holds no memory.
    return 0;
  }
}

/** An ingest that reports (once) when its first video frame arrived. */
function ingest(port: number, firstFrame: (at: number) => void): ChildProcess {
  const child = spawn(ffmpegPath(), ingestArgs(port, ['-f', 'null', '-progress', 'pipe:1', '-']), { stdio: ['ignore', 'pipe', 'ignore'] });
  let seen = false;
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (text: string) => {
    const frames = /frame=(\d+)/.exec(text);
    if (!seen && frames && Number(frames[1]) > 0) {
      seen = true;
      firstFrame(Date.now());
    }
  });
  return child;
}

interface Run {
  encoderCpu: number;
  remuxCpu: number;
  rss: number;
  firstFrames: number[];
}

async function once(destinations: number): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-bench-multi-'));
  const db = openDatabase(join(dataDir, 'bench.sqlite'));
  createStream(db, { id: 'str_bench', roomName: 'bench', title: 'Bench', tags: [], mode: 'screen_guests', startedAt: Date.now() });
  let latest: MultistreamStatus = { encoding: false, destinations: [] };
  const service = new MultistreamService({
    db,
    secrets: new MemorySecretStore(),
    dataDir,
    bus: { emit: (_event: string, payload: unknown) => void (latest = payload as MultistreamStatus) } as never,
    log: createLogger({ sink: () => undefined }),
    ffmpeg: ffmpegPath(),
  });
  const ingests: ChildProcess[] = [];
  const firstFrames: number[] = [];
  let fedAt = 0;
  for (let i = 0; i < Math.max(1, destinations); i++) {
    const port = await freePort();
    if (destinations > 0) ingests.push(ingest(port, (at) => firstFrames.push(at - fedAt)));
    service.add({
      kind: 'rtmp',
      name: `D${i}`,
      preset: 'custom',
      url: `rtmp://127.0.0.1:${port}/live`,
      streamKey: 'key',
      enabled: destinations > 0,
    });
  }
  service.begin('str_bench');
  const program = startProgram(seconds, { size: '1280x720', bitrate: '2500k' });
  program.stdout!.on('data', (chunk: Buffer) => {
    fedAt ||= Date.now();
    for (let at = 0; at < chunk.length; at += RECORDING_PIECE_BYTES) service.piece(chunk.subarray(at, at + RECORDING_PIECE_BYTES));
  });
  const ended = new Promise((resolve) => program.once('exit', resolve));
  const pids = (): number[] => JSON.parse(readFileSync(join(dataDir, 'multistream.pids'), 'utf8')) as number[];
  // Wait until every destination is live (or, for the baseline, the encoder has run 2 s).
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !(destinations === 0 ? fedAt > 0 && Date.now() - fedAt > 2_000 : firstFrames.length === destinations)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [encoderPid, ...remuxPids] = pids();
  const start = { at: Date.now(), encoder: cpuTicks(encoderPid!), remux: remuxPids.reduce((sum, pid) => sum + cpuTicks(pid), 0) };
  const windowMs = Math.max(3_000, (seconds - 4) * 1000 - (Date.now() - fedAt));
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const elapsed = (Date.now() - start.at) / 1000;
  const run: Run = {
    encoderCpu: ((cpuTicks(encoderPid!) - start.encoder) / CLOCK_TICKS / elapsed) * 100,
    remuxCpu: ((remuxPids.reduce((sum, pid) => sum + cpuTicks(pid), 0) - start.remux) / CLOCK_TICKS / elapsed) * 100,
    rss: [encoderPid!, ...remuxPids].reduce((sum, pid) => sum + rssMb(pid), 0),
    firstFrames,
  };
  if (destinations > 0 && latest.destinations.some((d) => d.state !== 'live'))
    process.stderr.write(`multistream bench: not every destination was live\n`);
  await ended;
  service.shutdown();
  for (const child of ingests) child.kill('SIGKILL');
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  return run;
}

const rows: string[] = [];
for (const destinations of [0, 1, 2, 3]) {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await once(destinations));
    process.stderr.write(
      `multistream bench: ${destinations} destination(s), run ${i + 1}/${runs}: encoder ${Math.round(results.at(-1)!.encoderCpu)}% CPU\n`,
    );
  }
  const cell = (values: number[], digits = 0) => {
    if (values.length === 0) return '—';
    const s = stats(values);
    return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
  };
  rows.push(
    `| ${destinations === 0 ? '0 (baseline: encoder only)' : destinations} | ${cell(results.map((r) => r.encoderCpu))} | ${cell(
      results.map((r) => r.remuxCpu),
      1,
    )} | ${cell(results.map((r) => r.rss))} | ${cell(results.flatMap((r) => r.firstFrames))} |`,
  );
}

process.stdout.write(
  `One 1280x720 30 fps H.264 (veryfast, 3000 kbit/s) + AAC encode of a live VP8/Opus WebM program, fanned out to N loopback RTMP ingests ` +
    `(ffmpeg listen mode). ${runs} runs of ${seconds} s per row; CPU in % of one core over the window where every destination is live, ` +
    `median (min–max). First frame: first program piece → first video frame received at an ingest (every ingest of every run). Machine: ` +
    `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the end ` +
    `(other work shares this machine). Total ${Math.round((Date.now() - began) / 1000)} s.\n\n`,
);
process.stdout.write(
  [
    '| Destinations | Encoder CPU % | All remuxes CPU % | Encoder + remuxes RSS MB | First frame at ingest ms |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n') + '\n',
);
