import { TrackSource } from 'livekit-server-sdk';
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
  /** Camera + microphone publishing on (stage) or off (backstage, waiting); subscribe stays on. */
  setGuestPublishing(room: string, identity: string, canPublish: boolean): Promise<void>;
  /** Mutes the participant's track of that kind; false when it publishes none. */
  muteTrack(room: string, identity: string, kind: 'audio' | 'video'): Promise<boolean>;
  /** Disconnects a participant now (LiveKit checks token expiry only at connect). */
  removeParticipant(room: string, identity: string): Promise<void>;
}

function isNotFound(error: unknown): boolean {
  return (error as { status?: number }).status === 404;
}

/** Rooms outlive a host's brief disconnect; after this long empty, LiveKit closes them. */
const EMPTY_TIMEOUT_SECONDS = 10 * 60;

export function toAppFailure(error: unknown, credentials: LivekitCredentials, action: string): AppFailure {
  switch (classifyLivekitError(error)) {
    case 'unreachable':
      return new AppFailure(
        'livekit_unreachable',
        `Could not reach the LiveKit server at ${credentials.url} to ${action}. Check that it is running and the URL in Settings.`,
      );
    case 'unauthorized':
      return new AppFailure(
        'livekit_unauthorized',
        `The LiveKit server rejected the API key or secret while trying to ${action}. Check them in Settings.`,
      );
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
    createRoom: (name, metadata) =>
      call('create the room', (client) => client.createRoom({ name, metadata, emptyTimeout: EMPTY_TIMEOUT_SECONDS })),
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
    setGuestPublishing: (room, identity, canPublish) =>
      call('change what a guest may publish', async (client) => {
        try {
          // A present permission replaces all of them, so spell out every grant the guest keeps.
          await client.updateParticipant(room, identity, {
            permission: {
              canSubscribe: true,
              canPublish,
              canPublishData: false,
              canPublishSources: canPublish ? [TrackSource.CAMERA, TrackSource.MICROPHONE] : [],
            },
          });
        } catch (error) {
          // Not in the room right now: the token it gets next carries the right grants.
          if (!isNotFound(error)) throw error;
        }
      }),
    muteTrack: async (room, identity, kind) => {
      let muted = false;
      await call('mute a guest', async (client) => {
        const participant = await client.getParticipant(room, identity);
        const wanted = kind === 'audio' ? TrackSource.MICROPHONE : TrackSource.CAMERA;
        for (const track of participant.tracks.filter((t) => t.source === wanted && !t.muted)) {
          await client.mutePublishedTrack(room, identity, track.sid, true);
          muted = true;
        }
      });
      return muted;
    },
    removeParticipant: (room, identity) =>
      call('remove a participant', async (client) => {
        try {
          await client.removeParticipant(room, identity);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }),
  };
}
