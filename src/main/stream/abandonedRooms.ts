import { AppFailure } from '../../shared/result';
import type { RoomGateway } from '../livekit/roomGateway';
import type { Logger } from '../logging';

/**
 * Deletes the LiveKit rooms of streams a crash left live (their rows are already closed by
 * `closeAbandonedStreams`), so viewers still connected stop waiting on a stream that is over.
 * Started after the app is up and never awaited by start: LiveKit may be down, and a dead room is
 * not worth a studio that will not open. A room LiveKit no longer has is already what we want.
 * Resolves when every attempt has finished; it never rejects.
 */
export async function deleteAbandonedRooms(rooms: RoomGateway, roomNames: readonly string[], log: Logger): Promise<void> {
  await Promise.all(
    roomNames.map(async (name) => {
      try {
        await rooms.deleteRoom(name);
        log.info(`Deleted the LiveKit room ${name} a crash left behind`);
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'not_found') return;
        log.warn(`Could not delete the LiveKit room ${name} a crash left behind`, (error as Error).message);
      }
    }),
  );
}
