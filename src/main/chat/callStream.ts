import { AppFailure } from '../../shared/result';
import type { Database } from '../db/openDatabase';
import { getStream, listLiveStreams } from '../db/history/streams';
import { ChatFailure, toAppFailure } from './chatFailure';

/** The live stream's id, or null: actions outside any stream (rules, links) are logged against it. */
export function liveStreamId(db: Database): string | null {
  return listLiveStreams(db).sort((a, b) => b.startedAt - a.startedAt)[0]?.id ?? null;
}

/** The stream a studio call is about: the one named, or the one live now. */
export function streamOf(db: Database, streamId: string | undefined): string {
  if (streamId !== undefined) {
    if (!getStream(db, streamId)) throw new AppFailure('not_found', 'No such stream');
    return streamId;
  }
  const live = liveStreamId(db);
  if (live === null) throw new AppFailure('not_found', 'No stream is live; name one with streamId');
  return live;
}

/** Chat errors become the app-wide codes the studio API speaks. */
export async function translated<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof ChatFailure ? toAppFailure(error) : error;
  }
}
