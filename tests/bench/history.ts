/**
 * History benchmark: `node --import tsx tests/bench/history.ts [--streams 1000] [--messages 1000000]
 * [--runs 40]`.
 *
 * Seeds a temporary file database (WAL, as the app opens it) with `streams` streams and `messages`
 * chat messages — one transaction, prepared statements, the FTS triggers of migration 003 firing on
 * every row exactly as they do in the app — plus viewer sessions, samples, stage stints and quality
 * changes. Then times the history queries the studio runs through the same functions the API
 * handlers call, each `runs` times after a warm-up, and prints a markdown table with the median,
 * the spread (p10–p90, max) and the product target. Baselines measured in the same run show what
 * the indexes buy: a LIKE scan instead of FTS5, and OFFSET paging instead of the keyset cursor.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildStreamDetail } from '../../src/main/analytics/streamDetail';
import { openDatabase } from '../../src/main/db/openDatabase';
import { searchMessages } from '../../src/main/db/history/search';
import { listStreams } from '../../src/main/db/history/streams';
import { listTranscript } from '../../src/main/db/history/transcript';
import { option } from './cliOption';

const STREAMS = Number(option('streams', '1000'));
const MESSAGES = Number(option('messages', '1000000'));
const RUNS = Number(option('runs', '40'));
const WARMUP = 5;
const VIEWERS_PER_STREAM = 150;
const HOUR = 3_600_000;

/** A small deterministic PRNG so every run seeds the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// A Zipf-ish vocabulary: a few very common words, a long tail of rare ones, like real chat.
const COMMON = ['hello', 'lol', 'nice', 'great', 'stream', 'the', 'this', 'is', 'so', 'good', 'love', 'gg', 'wow', 'yes', 'no'];
const TAIL = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}x`);
function chatText(): string {
  const words = 4 + Math.floor(random() * 10);
  return Array.from({ length: words }, () => (random() < 0.55 ? pick(COMMON) : pick(TAIL))).join(' ');
}

function seed(file: string) {
  const db = openDatabase(file);
  const started = performance.now();
  const insertStream = db.prepare(
    `INSERT INTO streams (id, room_name, title, tags_json, mode, status, started_at, ended_at, last_heartbeat_at, peak_viewers, average_viewers, end_reason)
     VALUES (?, ?, ?, ?, 'screen_guests', 'ended', ?, ?, ?, ?, ?, 'host_ended')`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO chat_messages (id, stream_id, seq, sender_identity, sender_name, sender_role, text, created_at, status, hold_reason, decided_by, decided_at)
     VALUES (?, ?, ?, ?, ?, 'viewer', ?, ?, ?, ?, ?, ?)`,
  );
  const insertSession = db.prepare(
    `INSERT INTO participant_sessions (stream_id, identity, name, role, joined_at, left_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertSample = db.prepare('INSERT INTO stream_viewer_samples (stream_id, at, viewers) VALUES (?, ?, ?)');
  const insertStint = db.prepare('INSERT INTO stage_sessions (stream_id, identity, name, on_at, off_at) VALUES (?, ?, ?, ?, ?)');
  const insertQuality = db.prepare('INSERT INTO connection_quality_events (stream_id, identity, at, quality) VALUES (?, ?, ?, ?)');
  const insertAction = db.prepare(
    `INSERT INTO moderation_actions (stream_id, actor, action, target_identity, created_at) VALUES (?, 'host', ?, ?, ?)`,
  );
  const perStream = Math.floor(MESSAGES / STREAMS);
  const t0 = Date.UTC(2024, 0, 1);
  let messageNo = 0;
  db.transaction(() => {
    for (let s = 0; s < STREAMS; s++) {
      const id = `stream-${String(s).padStart(5, '0')}`;
      const startedAt = t0 + s * 20 * HOUR;
      const endedAt = startedAt + HOUR;
      insertStream.run(
        id,
        `room-${s}`,
        `Stream ${s}: ${pick(TAIL)} ${pick(COMMON)}`,
        JSON.stringify([pick(TAIL), 'weekly']),
        startedAt,
        endedAt,
        endedAt,
        40,
        22.5,
      );
      const count = s === STREAMS - 1 ? MESSAGES - messageNo : perStream;
      for (let m = 0; m < count; m++, messageNo++) {
        const createdAt = startedAt + Math.floor((m / count) * HOUR);
        const roll = random();
        const status = roll < 0.9 ? 'visible' : roll < 0.95 ? 'deleted' : roll < 0.98 ? 'rejected' : 'held';
        const held = status === 'rejected' || status === 'held' || roll < 0.02;
        insertMessage.run(
          `m${messageNo}`,
          id,
          status === 'visible' || status === 'deleted' ? m + 1 : null,
          `v${m % VIEWERS_PER_STREAM}`,
          `Viewer ${m % VIEWERS_PER_STREAM}`,
          // One message in 20,000 mentions a rare word, for the selective search.
          messageNo % 20_000 === 7 ? `${chatText()} zebracorn` : chatText(),
          createdAt,
          status,
          held ? 'link' : null,
          status === 'visible' && !held ? null : 'host',
          status === 'visible' && !held ? null : createdAt + 5000,
        );
      }
      for (let v = 0; v < VIEWERS_PER_STREAM; v++) {
        const joined = startedAt + Math.floor(random() * HOUR * 0.8);
        insertSession.run(id, `v${v}`, `Viewer ${v}`, 'viewer', joined, Math.min(endedAt, joined + Math.floor(random() * HOUR)));
      }
      for (let at = startedAt + 5000; at < endedAt; at += 60_000) insertSample.run(id, at, 10 + Math.floor(random() * 30));
      for (let g = 0; g < 3; g++) {
        insertSession.run(id, `g${g}`, `Guest ${g}`, 'guest', startedAt, endedAt);
        insertStint.run(id, `g${g}`, `Guest ${g}`, startedAt + g * 600_000, startedAt + (g + 2) * 600_000);
        for (let q = 0; q < 10; q++) insertQuality.run(id, `g${g}`, startedAt + q * 300_000, pick(['excellent', 'good', 'poor', 'lost']));
      }
      for (let a = 0; a < 20; a++) insertAction.run(id, pick(['delete', 'approve', 'reject', 'timeout']), `v${a}`, startedAt + a * 60_000);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  return { db, seconds };
}

interface Stats {
  median: number;
  p10: number;
  p90: number;
  max: number;
}

function measure(fn: () => unknown, runs = RUNS): Stats {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), max: times.at(-1)! };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

const dir = mkdtempSync(join(tmpdir(), 'airdeck-bench-history-'));
const file = join(dir, 'airdeck.sqlite');
try {
  console.log(`Seeding ${STREAMS} streams and ${MESSAGES.toLocaleString('en')} chat messages into ${file} …`);
  const { db, seconds } = seed(file);
  const sizeMb = statSync(file).size / 1024 / 1024;
  const middle = `stream-${String(Math.floor(STREAMS / 2)).padStart(5, '0')}`;
  const firstPage = listStreams(db, { limit: 20, cursor: null });
  let deepCursor: string | null = null;
  for (let i = 0; i < 25 && (i === 0 || deepCursor); i++) deepCursor = listStreams(db, { limit: 20, cursor: deepCursor }).nextCursor;
  const transcriptFirst = listTranscript(db, { streamId: middle, cursor: null, limit: 50 });
  let transcriptCursor = transcriptFirst.nextCursor;
  for (let i = 0; i < 10 && transcriptCursor; i++)
    transcriptCursor = listTranscript(db, { streamId: middle, cursor: transcriptCursor, limit: 50 }).nextCursor;
  const rare = searchMessages(db, { query: 'zebracorn', cursor: null, limit: 20 });
  const common = searchMessages(db, { query: 'hello', cursor: null, limit: 20 });

  type Row = { what: string; work: string; stats: Stats; target?: number };
  const rows: Row[] = [
    {
      what: 'History list, first page',
      work: `20 of ${firstPage.total} streams + total`,
      stats: measure(() => listStreams(db, { limit: 20, cursor: null })),
      target: 20,
    },
    {
      what: 'History list, page 26 (keyset cursor)',
      work: '20 streams + total',
      stats: measure(() => listStreams(db, { limit: 20, cursor: deepCursor })),
      target: 20,
    },
    {
      what: 'History list, title/tag search',
      work: `"weekly" over ${STREAMS} streams`,
      stats: measure(() => listStreams(db, { limit: 20, cursor: null, search: 'weekly' })),
      target: 20,
    },
    {
      what: 'History list, date window',
      work: '30 days',
      stats: measure(() => listStreams(db, { limit: 20, cursor: null, from: Date.UTC(2024, 3, 1), to: Date.UTC(2024, 4, 1) })),
      target: 20,
    },
    {
      what: 'Transcript page 12 (keyset cursor)',
      work: `50 of ${transcriptFirst.total} messages + total`,
      stats: measure(() => listTranscript(db, { streamId: middle, cursor: transcriptCursor, limit: 50 })),
      target: 10,
    },
    {
      what: 'Transcript search within a stream',
      work: '"hello", 50 per page',
      stats: measure(() => listTranscript(db, { streamId: middle, cursor: null, limit: 50, query: 'hello' })),
      target: 50,
    },
    {
      what: 'Full-text search, rare word',
      work: `"zebracorn": ${rare.total} hits in ${MESSAGES.toLocaleString('en')}`,
      stats: measure(() => searchMessages(db, { query: 'zebracorn', cursor: null, limit: 20 })),
      target: 50,
    },
    {
      what: 'Full-text search, common word',
      work: `"hello": ${common.total}${common.totalCapped ? '+' : ''} hits (count capped)`,
      stats: measure(() => searchMessages(db, { query: 'hello', cursor: null, limit: 20 })),
      target: 50,
    },
    {
      what: 'Full-text search, short prefix (opt-in)',
      work: '"hel*": all words starting with hel',
      stats: measure(() => searchMessages(db, { query: 'hel*', cursor: null, limit: 20 })),
    },
    {
      what: 'Analytics for one stream',
      work: `${transcriptFirst.total} messages, ${VIEWERS_PER_STREAM} viewers, 3 guests`,
      stats: measure(() => buildStreamDetail(db, middle)),
    },
  ];
  // Baselines, same run, same data: what the indexes save.
  const offset = transcriptFirst.total > 600 ? 550 : 0;
  const baselines: Row[] = [
    {
      what: 'Baseline: LIKE scan instead of FTS5',
      work: `"%zebracorn%" over ${MESSAGES.toLocaleString('en')} messages`,
      stats: measure(
        () => db.prepare(`SELECT * FROM chat_messages WHERE text LIKE '%zebracorn%' ORDER BY created_at DESC LIMIT 20`).all(),
        5,
      ),
    },
    {
      what: 'Baseline: transcript page by OFFSET',
      work: `OFFSET ${offset} LIMIT 50, no stream index`,
      stats: measure(
        () =>
          db
            .prepare(`SELECT * FROM chat_messages NOT INDEXED WHERE stream_id = ? ORDER BY created_at LIMIT 50 OFFSET ${offset}`)
            .all(middle),
        5,
      ),
    },
  ];

  console.log('');
  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}`,
  );
  console.log(`Seeded in ${seconds.toFixed(1)} s; database ${sizeMb.toFixed(0)} MB. ${RUNS} runs per query after ${WARMUP} warm-up runs.`);
  console.log('');
  console.log('| Query | Work | Median ms | p10–p90 ms | Max ms | Target | Meets target |');
  console.log('|---|---|---:|---:|---:|---:|:---:|');
  for (const row of [...rows, ...baselines]) {
    const target = row.target === undefined ? '—' : `≤ ${row.target} ms`;
    const verdict = row.target === undefined ? '—' : row.stats.median <= row.target ? 'yes' : '**no**';
    console.log(
      `| ${row.what} | ${row.work} | ${ms(row.stats.median)} | ${ms(row.stats.p10)}–${ms(row.stats.p90)} | ${ms(row.stats.max)} | ${target} | ${verdict} |`,
    );
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
