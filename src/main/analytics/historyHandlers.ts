import type { historyMethods } from '../../shared/contract/historyApi';
import { AppFailure, assertNever } from '../../shared/result';
import type { Handlers } from '../api/types';
import type { Database } from '../db/openDatabase';
import { listStreamMessages, listStreamModerationLog } from '../db/history/exportStream';
import { searchMessages } from '../db/history/search';
import { deleteStream, getStream, listStreams } from '../db/history/streams';
import { listTranscript } from '../db/history/transcript';
import { chatExport, moderationExport } from './exportFormat';
import { buildStreamDetail } from './streamDetail';

export type HistoryHandlers = Pick<Handlers, keyof typeof historyMethods>;

function requireStream(db: Database, id: string) {
  const stream = getStream(db, id);
  if (!stream) throw new AppFailure('not_found', 'No stream with that id');
  return stream;
}

/**
 * The past-stream methods: the list, one stream, analytics, transcript, search, export and delete.
 * `beforeDelete` removes what lives outside SQLite (recording files) while the rows still name it.
 */
export function createHistoryHandlers(deps: { db: Database; beforeDelete?: (streamId: string) => void }): HistoryHandlers {
  const { db } = deps;
  return {
    'history.list': (params) => listStreams(db, params),
    'history.get': ({ id }) => requireStream(db, id),
    'history.detail': ({ id }) => {
      const detail = buildStreamDetail(db, id);
      if (!detail) throw new AppFailure('not_found', 'No stream with that id');
      return detail;
    },
    'history.transcript': ({ streamId, cursor, limit, query }) => {
      requireStream(db, streamId);
      return listTranscript(db, { streamId, cursor, limit, query });
    },
    'history.search': ({ query, cursor, limit }) => searchMessages(db, { query, cursor, limit }),
    'history.export': ({ streamId, part, format }) => {
      const stream = requireStream(db, streamId);
      switch (part) {
        case 'chat':
          return chatExport(stream, listStreamMessages(db, streamId), format);
        case 'moderation':
          return moderationExport(stream, listStreamModerationLog(db, streamId), format);
        default:
          return assertNever(part);
      }
    },
    'history.delete': ({ id }) => {
      const stream = requireStream(db, id);
      if (stream.status === 'live') throw new AppFailure('conflict', 'End the stream before deleting it');
      deps.beforeDelete?.(id);
      deleteStream(db, id);
      return { deleted: true };
    },
  };
}
