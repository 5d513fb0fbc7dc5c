import { z } from 'zod';
import {
  ExportFileSchema,
  ExportFormatSchema,
  ExportPartSchema,
  SearchPageSchema,
  SearchTextSchema,
  StreamDetailSchema,
  TranscriptPageSchema,
} from '../domain/history';
import { StreamPageSchema, StreamRecordSchema } from '../domain/stream';
import { method, OWNER } from './methodSpec';

/**
 * Studio API methods for past streams: the list, one stream, analytics, transcript, search,
 * export and delete. Owner only — history is the host's private record. Spread into `studioMethods`.
 */

const streamId = z.string().min(1).max(64);
const cursor = z.string().max(200).nullable().default(null);

export const HistoryListParamsSchema = z
  .object({
    limit: z.number().int().min(1).max(100).default(20),
    cursor,
    /** Matches the title or any tag, case-insensitively; empty = every stream. */
    search: z.string().trim().max(120).default(''),
    /** Streams that started at or after `from` and before `to` (epoch ms). */
    from: z.number().int().min(0).nullable().default(null),
    to: z.number().int().min(0).nullable().default(null),
  })
  .strict();

export const historyMethods = {
  'history.list': method({
    params: HistoryListParamsSchema,
    result: StreamPageSchema,
    roles: OWNER,
    summary: 'Past streams, newest first.',
  }),
  'history.get': method({
    params: z.object({ id: streamId }).strict(),
    result: StreamRecordSchema,
    roles: OWNER,
    summary: 'One stream by id.',
  }),
  'history.detail': method({
    params: z.object({ id: streamId }).strict(),
    result: StreamDetailSchema,
    roles: OWNER,
    summary: 'A past stream with its viewer, chat, moderation and guest analytics.',
  }),
  'history.transcript': method({
    params: z
      .object({ streamId, cursor, limit: z.number().int().min(1).max(200).default(50), query: SearchTextSchema.default('') })
      .strict(),
    result: TranscriptPageSchema,
    roles: OWNER,
    summary: "A page of a stream's chat, oldest first, with moderation marks; `query` narrows it by full-text search.",
  }),
  'history.search': method({
    params: z
      .object({
        query: SearchTextSchema.pipe(z.string().min(1, 'Type something to search for')),
        cursor,
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    result: SearchPageSchema,
    roles: OWNER,
    summary: 'Full-text search over the chat of every stream, newest first.',
  }),
  'history.export': method({
    params: z.object({ streamId, part: ExportPartSchema, format: ExportFormatSchema }).strict(),
    result: ExportFileSchema,
    roles: OWNER,
    summary: "A stream's chat or moderation log as a JSON or CSV file.",
  }),
  'history.delete': method({
    params: z.object({ id: streamId }).strict(),
    result: z.object({ deleted: z.literal(true) }),
    roles: OWNER,
    summary: 'Delete a finished stream and everything recorded for it.',
  }),
} as const;
