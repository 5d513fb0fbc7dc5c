import { z } from 'zod';
import {
  DestinationAddSchema,
  DestinationIdSchema,
  DestinationSchema,
  DestinationUpdateSchema,
  MultistreamOutputSchema,
  MultistreamStatusSchema,
} from '../domain/multistream';
import { method, OWNER } from './methodSpec';

/**
 * Multistream destinations (owner only). Stream keys go in and never come out: every result
 * carries `hasKey` instead.
 */
export const multistreamMethods = {
  'multistream.list': method({
    params: z.object({}).strict(),
    result: z.object({ destinations: z.array(DestinationSchema), output: MultistreamOutputSchema }),
    roles: OWNER,
    summary: 'Destinations (without their keys) and the encode settings.',
  }),
  'multistream.add': method({
    params: DestinationAddSchema,
    result: DestinationSchema,
    roles: OWNER,
    summary: 'Add an RTMP(S) destination with its stream key.',
  }),
  'multistream.update': method({
    params: DestinationUpdateSchema,
    result: DestinationSchema,
    roles: OWNER,
    summary: 'Rename, readdress, rekey, or turn a destination on or off (also while live).',
  }),
  'multistream.remove': method({
    params: z.object({ id: DestinationIdSchema }).strict(),
    result: z.object({ removed: z.literal(true) }),
    roles: OWNER,
    summary: 'Remove a destination and its stored key.',
  }),
  'multistream.setOutput': method({
    params: MultistreamOutputSchema.strict(),
    result: MultistreamOutputSchema,
    roles: OWNER,
    summary: 'Resolution, frame rate and video bitrate of the encode (from the next stream on).',
  }),
  'multistream.status': method({
    params: z.object({}).strict(),
    result: MultistreamStatusSchema,
    roles: OWNER,
    summary: 'State of each destination right now.',
  }),
} as const;

export const multistreamEvents = {
  'multistream.status': { payload: MultistreamStatusSchema, roles: OWNER },
} as const;
