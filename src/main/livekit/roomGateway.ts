import { AppFailure } from '../../shared/result';
import type { LivekitCredentials } from '../settings/settingsService';
import { classifyLivekitError, createRoomService } from './roomAdmin';

/**
 * The RoomService calls the stream lifecycle needs, behind an interface so services can be
 * tested without a server. Errors become AppFailures a person can act on.
 */
export interface RoomGateway {
  createRoom(name: string, metadata: string): Promise<void>;
  deleteRoom(name: string): Promise<void>;
  updateRoomMetadata(name: string, metadata: string): Promise<void>;
}

/** Rooms outlive a host's brief disconnect; after this long empty, LiveKit closes them. */
const EMPTY_TIMEOUT_SECONDS = 10 * 60;

export function toAppFailure(error: unknown, credentials: LivekitCredentials, action: string): AppFailure {
  switch (classifyLivekitError(error)) {
    case 'unreachable':
      return new AppFailure('livekit_unreachable', `Could not reach the LiveKit server at ${credentials.url} to ${action}. Check that it is running and the URL in Settings.`);
    case 'unauthorized':
      return new AppFailure('livekit_unauthorized', `The LiveKit server rejected the API key or secret while trying to ${action}. Check them in Settings.`);
    case 'error':
      return new AppFailure('livekit_error', `LiveKit could not ${action}: ${(error as Error).message ?? 'unknown error'}`);
  }
}

export function createRoomGateway(credentials: () => LivekitCredentials): RoomGateway {
  const call = async (action: string, run: (client: ReturnType<typeof createRoomService>) => Promise<unknown>) => {
    const current = credentials();
    try {
      await run(createRoomService(current));
    } catch (error) {
      throw toAppFailure(error, current, action);
    }
  };
  return {
    createRoom: (name, metadata) => call('create the room', (client) => client.createRoom({ name, metadata, emptyTimeout: EMPTY_TIMEOUT_SECONDS })),
    deleteRoom: (name) =>
      call('close the room', async (client) => {
        try {
          await client.deleteRoom(name);
        } catch (error) {
          // Already gone (emptied and closed by the server): nothing left to close.
          if ((error as { status?: number }).status === 404) return;
          throw error;
        }
      }),
    updateRoomMetadata: (name, metadata) => call('update the room', (client) => client.updateRoomMetadata(name, metadata)),
  };
}
