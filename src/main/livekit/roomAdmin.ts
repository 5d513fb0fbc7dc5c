import { RoomServiceClient } from 'livekit-server-sdk';
import type { ConnectionTest } from '../../shared/domain/settings';
import type { LivekitCredentials } from '../settings/settingsService';

/** RoomService speaks HTTP; LiveKit URLs are usually ws(s)://. */
export function toHttpUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

export function createRoomService(credentials: LivekitCredentials): RoomServiceClient {
  return new RoomServiceClient(toHttpUrl(credentials.url), credentials.apiKey, credentials.apiSecret, { requestTimeout: 5 });
}

/** Sorts a RoomService failure into the three things a person can do something about. */
export function classifyLivekitError(error: unknown): Exclude<ConnectionTest['status'], 'ok'> {
  const status = (error as { status?: unknown }).status;
  if (status === 401 || status === 403) return 'unauthorized';
  const text = describe(error);
  if (/unauthenticated|permission|invalid token|signature/i.test(text)) return 'unauthorized';
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|fetch failed|timeout|aborted|network/i.test(text)) return 'unreachable';
  return 'error';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return `${error.name} ${error.message} ${cause instanceof Error ? `${cause.name} ${cause.message} ${(cause as { code?: string }).code ?? ''}` : ''}`;
  }
  return String(error);
}

/**
 * "Test connection": lists rooms with the configured credentials and tells apart an unreachable
 * server, rejected credentials and success. Messages never contain the secret.
 */
export async function testLivekitConnection(credentials: LivekitCredentials): Promise<ConnectionTest> {
  try {
    const rooms = await createRoomService(credentials).listRooms();
    return { status: 'ok', message: `Connected to ${credentials.url}; ${rooms.length} active room(s).`, roomCount: rooms.length };
  } catch (error) {
    switch (classifyLivekitError(error)) {
      case 'unauthorized':
        return { status: 'unauthorized', message: `${credentials.url} rejected the API key or secret. Check both in Settings.` };
      case 'unreachable':
        return {
          status: 'unreachable',
          message: `Could not reach a LiveKit server at ${credentials.url}. Is it running, and is the URL right?`,
        };
      case 'error':
        return { status: 'error', message: `LiveKit answered with an error: ${(error as Error).message ?? 'unknown error'}` };
    }
  }
}
