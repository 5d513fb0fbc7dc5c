import { z } from 'zod';
import {
  ConnectionTestSchema,
  SettingsUpdateSchema,
  SettingsViewSchema,
} from '../domain/settings';
import { StreamPageSchema, StreamRecordSchema } from '../domain/stream';
import { chatEvents, chatMethods } from './chatApi';
import { diagnosticsMethods } from './diagnosticsApi';
import { historyMethods } from './historyApi';
import { moderatorEvents, moderatorMethods } from './moderatorsApi';
import { multistreamEvents, multistreamMethods } from './multistreamApi';
import { recordingMethods } from './recordingApi';
import { method, OWNER, OWNER_AND_MODERATOR } from './methodSpec';
import { stageEvents, stageMethods } from './stageApi';
import { streamEvents, streamMethods } from './streamApi';

export { method, OWNER, OWNER_AND_MODERATOR, SessionRoleSchema, type MethodSpec, type SessionRole } from './methodSpec';

/**
 * The studio API: every method the studio UI can call on the main process, with its params,
 * its result and the roles allowed to call it. Both transports (Electron IPC and the control
 * WebSocket) carry exactly this contract and dispatch into the same services.
 */

const noParams = z.object({}).strict();

export const ServerStatusSchema = z.object({
  /** Address the embedded server listens on, e.g. http://127.0.0.1:7777 */
  localUrl: z.string(),
  /** Base used for links handed to guests and viewers. */
  publicUrl: z.string(),
  bindAddress: z.string(),
  port: z.number().int(),
  startedAt: z.number(),
  /** True when the desktop shell hosts the studio; false in the headless studio. */
  desktop: z.boolean(),
  version: z.string(),
});
export type ServerStatus = z.infer<typeof ServerStatusSchema>;

export const HistoryListParamsSchema = z
  .object({
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).nullable().default(null),
    /** Matches the title or any tag, case-insensitively; empty = every stream. */
    search: z.string().trim().max(120).default(''),
    /** Streams that started at or after `from` and before `to` (epoch ms). */
    from: z.number().int().min(0).nullable().default(null),
    to: z.number().int().min(0).nullable().default(null),
  })
  .strict();

export const studioMethods = {
  'settings.get': method({ params: noParams, result: SettingsViewSchema, roles: OWNER, summary: 'Read settings (never the secret).' }),
  'settings.update': method({
    params: SettingsUpdateSchema,
    result: SettingsViewSchema,
    roles: OWNER,
    summary: 'Change settings; the API secret is write-only.',
  }),
  'settings.testConnection': method({
    params: noParams,
    result: ConnectionTestSchema,
    roles: OWNER,
    summary: 'Check the LiveKit URL and credentials.',
  }),
  'server.status': method({ params: noParams, result: ServerStatusSchema, roles: OWNER_AND_MODERATOR, summary: 'Embedded server address.' }),
  'history.list': method({
    params: HistoryListParamsSchema,
    result: StreamPageSchema,
    roles: OWNER,
    summary: 'Past streams, newest first.',
  }),
  'history.get': method({
    params: z.object({ id: z.string().min(1).max(64) }).strict(),
    result: StreamRecordSchema,
    roles: OWNER,
    summary: 'One stream by id.',
  }),
  ...chatMethods,
  ...streamMethods,
  ...stageMethods,
  ...historyMethods,
  ...recordingMethods,
  ...moderatorMethods,
  ...multistreamMethods,
  ...diagnosticsMethods,
} as const;

export type StudioMethods = typeof studioMethods;
export type MethodName = keyof StudioMethods;
export type ParamsOf<M extends MethodName> = z.input<StudioMethods[M]['params']>;
export type ParsedParamsOf<M extends MethodName> = z.output<StudioMethods[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<StudioMethods[M]['result']>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(studioMethods, value);
}

/** Events pushed from main to the studio (and, filtered by role, to co-moderators). */
export const studioEvents = {
  'settings.changed': { payload: SettingsViewSchema, roles: OWNER },
  ...chatEvents,
  ...streamEvents,
  ...stageEvents,
  ...moderatorEvents,
  ...multistreamEvents,
} as const;

export type StudioEvents = typeof studioEvents;
export type EventName = keyof StudioEvents;
export type EventPayload<E extends EventName> = z.output<StudioEvents[E]['payload']>;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(studioEvents, value);
}
