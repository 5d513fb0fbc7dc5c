import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { baseHeaders, sendError } from '../server/http';
import type { HttpRoute } from '../server/routes';
import type { RecordingService } from './recordingService';

export const RECORDING_PLAYBACK_PREFIX = '/recordings/';

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against a file of `size` bytes; null when unsatisfiable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

/**
 * GET /recordings/<id>?ticket=… — plays a recording in the studio. The ticket comes from
 * `recording.playback` (owner only) and expires; ranges let the player seek.
 */
export function createRecordingRoute(deps: { recordings: RecordingService }): HttpRoute {
  return {
    method: ['GET', 'HEAD'],
    path: `${RECORDING_PLAYBACK_PREFIX}*`,
    handle(req, res, url) {
      const id = url.pathname.slice(RECORDING_PLAYBACK_PREFIX.length);
      const file = deps.recordings.fileForTicket(id, url.searchParams.get('ticket') ?? '');
      if (!file) {
        sendError(res, 'unauthorized', 'This playback link is invalid or has expired; open the recording from the studio again');
        return;
      }
      let size: number;
      try {
        size = statSync(file.path).size;
      } catch {
        sendError(res, 'not_found', 'The recording file is missing from the data directory');
        return;
      }
      sendRange(res, file.path, file.mimeType, size, req.headers.range, req.method === 'HEAD');
    },
  };
}

function sendRange(
  res: ServerResponse,
  path: string,
  mimeType: string,
  size: number,
  rangeHeader: string | undefined,
  head: boolean,
): void {
  const headers: Record<string, string | number> = { ...baseHeaders(), 'Content-Type': mimeType, 'Accept-Ranges': 'bytes' };
  let status = 200;
  let range = { start: 0, end: size - 1 };
  if (rangeHeader) {
    const parsed = parseRange(rangeHeader, size);
    if (!parsed) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
      res.end();
      return;
    }
    range = parsed;
    status = 206;
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  }
  headers['Content-Length'] = size === 0 ? 0 : range.end - range.start + 1;
  res.writeHead(status, headers);
  if (head || size === 0) {
    res.end();
    return;
  }
  createReadStream(path, range).pipe(res);
}
