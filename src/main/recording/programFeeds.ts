import { placePiece } from './pieceOffset';
import type { Recording } from '../../shared/domain/recording';

/** Whatever else takes the program as it is recorded (multistream's encoder). */
export interface ProgramTee {
  begin(streamId: string): void;
  piece(data: Buffer): void;
  end(): void;
}

/**
 * Program sessions with no file (recording off, destinations on): they only count bytes and pass
 * each piece to the tee, answering the studio exactly as a file-backed recording would.
 */
export class ProgramFeeds {
  private readonly feeds = new Map<string, Recording>();

  constructor(private readonly program: ProgramTee | undefined) {}

  open(recording: Recording): Recording {
    this.feeds.set(recording.id, recording);
    return recording;
  }

  /** The byte count after this piece, or undefined when the id is not a feed. */
  append(recordingId: string, params: { offset: number; data: string; durationMs: number }): { bytes: number } | undefined {
    const feed = this.feeds.get(recordingId);
    if (!feed) return undefined;
    const piece = Buffer.from(params.data, 'base64');
    const have = feed.bytes;
    if (placePiece('program', have, params.offset, piece.length) === 'resent') return { bytes: have };
    this.program?.piece(piece);
    this.feeds.set(recordingId, { ...feed, bytes: have + piece.length, durationMs: params.durationMs });
    return { bytes: have + piece.length };
  }

  /** Ends a feed and returns it as it stood; undefined when the id is not a feed. */
  end(recordingId: string): Recording | undefined {
    const feed = this.feeds.get(recordingId);
    if (!feed) return undefined;
    this.feeds.delete(recordingId);
    this.program?.end();
    return feed;
  }

  endAll(): void {
    for (const id of [...this.feeds.keys()]) this.end(id);
  }
}
