import type { AppError } from '../../../../shared/result';
import type { MediaIssue } from '../capture/media';

/** What the studio offers next to an error. */
export type LiveErrorFix = 'retry' | 'settings';

/** An error shown in the go-live panel: a headline, what happened, and what to do. */
export interface LiveError {
  code: string;
  title: string;
  message: string;
  fixes: LiveErrorFix[];
}

/**
 * Turns a failed `stream.start` (or `stream.end`) into a headline with the right fixes; main's
 * message already says what to check, so it is shown as is.
 */
export function liveErrorFromApp(error: AppError, doing: 'start' | 'end' | 'resume'): LiveError {
  switch (error.code) {
    case 'livekit_unreachable':
      return { code: error.code, title: 'Can’t reach the LiveKit server', message: error.message, fixes: ['retry', 'settings'] };
    case 'livekit_unauthorized':
      return { code: error.code, title: 'LiveKit rejected the credentials', message: error.message, fixes: ['settings', 'retry'] };
    case 'bad_request':
      return { code: error.code, title: 'Check the stream details', message: error.message, fixes: [] };
    default:
      return {
        code: error.code,
        title: doing === 'end' ? 'Could not end the stream' : doing === 'resume' ? 'Could not resume the stream' : 'Could not go live',
        message: error.message,
        fixes: ['retry'],
      };
  }
}

/** A camera or microphone the chosen mode needs could not be opened. */
export function liveErrorFromDevice(issue: MediaIssue): LiveError {
  const device = issue.kind === 'microphone' ? 'Microphone' : issue.kind === 'camera' ? 'Camera' : 'Screen';
  return {
    code: 'device_denied',
    title: issue.reason === 'denied' ? `${device} access is blocked` : `${device} unavailable`,
    message: issue.message,
    fixes: ['retry'],
  };
}

/** Connecting or publishing failed after the room was created (the start has been undone). */
export function liveErrorFromRoom(kind: 'unreachable' | 'unauthorized' | 'other' | 'publish', message: string): LiveError {
  if (kind === 'unreachable') return liveErrorFromApp({ code: 'livekit_unreachable', message }, 'start');
  if (kind === 'unauthorized') return liveErrorFromApp({ code: 'livekit_unauthorized', message }, 'start');
  return {
    code: kind === 'publish' ? 'publish_failed' : 'connect_failed',
    title: kind === 'publish' ? 'Could not publish your media' : 'Could not join the room',
    message,
    fixes: ['retry'],
  };
}
