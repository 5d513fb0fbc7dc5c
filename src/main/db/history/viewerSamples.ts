import type { Database } from '../openDatabase';

export interface ViewerSample {
  at: number;
  viewers: number;
}

/** Records the concurrent viewer count at one instant (the sampler calls this every 5 s). */
export function addViewerSample(db: Database, streamId: string, sample: ViewerSample): void {
  db.prepare('INSERT OR REPLACE INTO stream_viewer_samples (stream_id, at, viewers) VALUES (?, ?, ?)').run(
    streamId,
    sample.at,
    sample.viewers,
  );
}

export function listViewerSamples(db: Database, streamId: string): ViewerSample[] {
  return db.prepare('SELECT at, viewers FROM stream_viewer_samples WHERE stream_id = ? ORDER BY at').all(streamId) as ViewerSample[];
}
