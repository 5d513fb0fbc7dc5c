import type { ExportFile, ExportFormat, TranscriptEntry } from '../../shared/domain/history';
import type { StreamRecord } from '../../shared/domain/stream';
import type { AuditExportRow } from '../db/history/exportStream';
import { toCsv } from './csv';

/** Column order of the chat CSV. Times appear twice: ISO for people, epoch ms for programs. */
export const CHAT_CSV_COLUMNS = [
  'id',
  'seq',
  'created_at',
  'created_at_ms',
  'sender_identity',
  'sender_name',
  'sender_role',
  'status',
  'hold_reason',
  'decided_by',
  'decided_at',
  'decided_at_ms',
  'text',
] as const;

export const MODERATION_CSV_COLUMNS = [
  'id',
  'created_at',
  'created_at_ms',
  'actor',
  'action',
  'target_identity',
  'target_message_id',
  'reason',
  'details_json',
] as const;

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** "airdeck-launch-day-2026-11-21-chat.csv": readable, and safe on every file system. */
export function exportFilename(stream: StreamRecord, part: string, format: ExportFormat): string {
  const slug =
    stream.title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'stream';
  const day = new Date(stream.startedAt).toISOString().slice(0, 10);
  return `airdeck-${slug}-${day}-${part}.${format}`;
}

function streamHeader(stream: StreamRecord) {
  return { id: stream.id, title: stream.title, tags: stream.tags, startedAt: stream.startedAt, endedAt: stream.endedAt };
}

/** A stream's chat with its moderation marks as a JSON or CSV file. */
export function chatExport(stream: StreamRecord, messages: readonly TranscriptEntry[], format: ExportFormat): ExportFile {
  const filename = exportFilename(stream, 'chat', format);
  if (format === 'json') {
    return { filename, mimeType: 'application/json', content: JSON.stringify({ stream: streamHeader(stream), messages }, null, 2) };
  }
  const rows = messages.map((m) => [
    m.id,
    m.seq,
    iso(m.createdAt),
    m.createdAt,
    m.sender.identity,
    m.sender.name,
    m.sender.role,
    m.status,
    m.holdReason,
    m.decidedBy,
    iso(m.decidedAt),
    m.decidedAt,
    m.text,
  ]);
  return { filename, mimeType: 'text/csv', content: toCsv(CHAT_CSV_COLUMNS, rows) };
}

/** A stream's moderation log (the audit trail) as a JSON or CSV file. */
export function moderationExport(stream: StreamRecord, log: readonly AuditExportRow[], format: ExportFormat): ExportFile {
  const filename = exportFilename(stream, 'moderation', format);
  if (format === 'json') {
    const actions = log.map(({ detailsJson, ...entry }) => ({
      ...entry,
      details: detailsJson === null ? null : (JSON.parse(detailsJson) as unknown),
    }));
    return { filename, mimeType: 'application/json', content: JSON.stringify({ stream: streamHeader(stream), actions }, null, 2) };
  }
  const rows = log.map((a) => [
    a.id,
    iso(a.createdAt),
    a.createdAt,
    a.actor,
    a.action,
    a.targetIdentity,
    a.targetMessageId,
    a.reason,
    a.detailsJson,
  ]);
  return { filename, mimeType: 'text/csv', content: toCsv(MODERATION_CSV_COLUMNS, rows) };
}
