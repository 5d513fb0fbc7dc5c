import { describe, expect, it } from 'vitest';
import { seedSimulatedStream } from '../../../tests/history/simulatedStream';
import type { TranscriptEntry } from '../../shared/domain/history';
import { openDatabase } from '../db/openDatabase';
import { listStreamMessages, listStreamModerationLog } from '../db/history/exportStream';
import { getStream } from '../db/history/streams';
import { parseCsv } from './csv';
import { CHAT_CSV_COLUMNS, chatExport, MODERATION_CSV_COLUMNS, moderationExport } from './exportFormat';

const db = openDatabase(':memory:');
const { id } = seedSimulatedStream(db);
const stream = getStream(db, id)!;
const messages = listStreamMessages(db, id);
const log = listStreamModerationLog(db, id);

function csvRecords(content: string, columns: readonly string[]): Record<string, string>[] {
  const [header, ...rows] = parseCsv(content);
  expect(header).toEqual(columns);
  return rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i] ?? ''])));
}

const orNull = (cell: string) => (cell === '' ? null : cell);
const numberOrNull = (cell: string) => (cell === '' ? null : Number(cell));

describe('export', () => {
  it('chat JSON parses back to exactly the transcript, with the stream it came from', () => {
    const file = chatExport(stream, messages, 'json');
    expect(file).toMatchObject({ filename: 'airdeck-launch-day-q-a-2026-11-20-chat.json', mimeType: 'application/json' });
    const parsed = JSON.parse(file.content) as { stream: { id: string; title: string }; messages: TranscriptEntry[] };
    expect(parsed.stream).toMatchObject({ id, title: 'Launch day Q&A', tags: ['launch', 'qa'] });
    expect(parsed.messages).toEqual(messages);
    expect(parsed.messages.map((m) => m.status)).toEqual(['visible', 'visible', 'rejected', 'visible', 'deleted', 'held']);
  });

  it('chat CSV parses back to the same messages, quotes, line breaks and formula-like text included', () => {
    const file = chatExport(stream, messages, 'csv');
    expect(file.mimeType).toBe('text/csv');
    const back = csvRecords(file.content, CHAT_CSV_COLUMNS).map((r): TranscriptEntry => ({
      id: r.id!,
      streamId: id,
      seq: numberOrNull(r.seq!),
      createdAt: Number(r.created_at_ms),
      sender: { identity: r.sender_identity!, name: r.sender_name!, role: r.sender_role as TranscriptEntry['sender']['role'] },
      text: r.text!,
      status: r.status as TranscriptEntry['status'],
      holdReason: orNull(r.hold_reason!),
      decidedBy: orNull(r.decided_by!),
      decidedAt: numberOrNull(r.decided_at_ms!),
    }));
    expect(back).toEqual(messages);
    // The ISO column agrees with the epoch column.
    expect(csvRecords(file.content, CHAT_CSV_COLUMNS)[0]!.created_at).toBe(new Date(messages[0]!.createdAt).toISOString());
    // Spreadsheets see text, not a formula.
    expect(file.content).toContain(`"'=HYPERLINK(""x"") first time here"`);
  });

  it('moderation log JSON and CSV parse back to the audit rows', () => {
    const json = JSON.parse(moderationExport(stream, log, 'json').content) as {
      actions: { action: string; details: unknown; reason: string | null }[];
    };
    expect(json.actions.map((a) => a.action)).toEqual(['reject', 'approve', 'delete', 'timeout']);
    expect(json.actions[3]!.details).toEqual({ minutes: 5 });
    expect(json.actions[2]!.reason).toBe('rude, "really"');

    const csv = moderationExport(stream, log, 'csv');
    expect(csv.filename).toBe('airdeck-launch-day-q-a-2026-11-20-moderation.csv');
    const back = csvRecords(csv.content, MODERATION_CSV_COLUMNS).map((r) => ({
      id: Number(r.id),
      createdAt: Number(r.created_at_ms),
      actor: r.actor!,
      action: r.action!,
      targetIdentity: orNull(r.target_identity!),
      targetMessageId: orNull(r.target_message_id!),
      reason: orNull(r.reason!),
      detailsJson: orNull(r.details_json!),
    }));
    expect(back).toEqual(log);
  });
});
