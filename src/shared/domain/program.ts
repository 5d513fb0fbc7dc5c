import { z } from 'zod';
import { ProgramStageSchema } from './stage';
import { StreamModeSchema } from './stream';

/**
 * The program every viewer renders, carried in LiveKit room metadata so all viewers see the
 * same thing. Versioned so an older viewer page can tell it is looking at something newer.
 */
export const ProgramLayoutSchema = z.object({
  /** What fills the main area. */
  main: z.enum(['screen', 'camera']),
  /** Where the host camera goes when the screen is main. */
  camera: z.enum(['pip', 'side', 'hidden']),
});
export type ProgramLayout = z.infer<typeof ProgramLayoutSchema>;

export const RoomMetadataSchema = z.object({
  v: z.literal(1),
  title: z.string(),
  mode: StreamModeSchema,
  layout: ProgramLayoutSchema,
  /** Guests on stage (2x2 grid) and the spotlight; absent before anyone is on stage. */
  stage: ProgramStageSchema.optional(),
});
export type RoomMetadata = z.infer<typeof RoomMetadataSchema>;

export function defaultLayoutFor(mode: z.infer<typeof StreamModeSchema>): ProgramLayout {
  switch (mode) {
    case 'screen_guests':
      return { main: 'screen', camera: 'pip' };
    case 'camera_grid':
      return { main: 'camera', camera: 'hidden' };
    case 'voice_only':
      return { main: 'camera', camera: 'hidden' };
  }
}

/** Parses room metadata defensively: a viewer must never crash on what a server sends. */
export function parseRoomMetadata(raw: string | undefined): RoomMetadata | null {
  if (!raw) return null;
  try {
    const parsed = RoomMetadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    // Metadata that is not JSON is ignored like metadata of the wrong shape.
    return null;
  }
}
