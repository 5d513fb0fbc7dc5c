import type { z } from 'zod';
import { chatEvents, chatMethods } from './chatApi';
import { diagnosticsMethods } from './diagnosticsApi';
import { historyMethods } from './historyApi';
import { moderatorEvents, moderatorMethods } from './moderatorsApi';
import { multistreamEvents, multistreamMethods } from './multistreamApi';
import { recordingMethods } from './recordingApi';
import { settingsEvents, settingsMethods } from './settingsApi';
import { stageEvents, stageMethods } from './stageApi';
import { streamEvents, streamMethods } from './streamApi';

export { method, OWNER, OWNER_AND_MODERATOR, SessionRoleSchema, type MethodSpec, type SessionRole } from './methodSpec';

/**
 * The studio API: every method the studio UI can call on the main process, with its params,
 * its result and the roles allowed to call it. Both transports (Electron IPC and the control
 * WebSocket) carry exactly this contract and dispatch into the same services. Each feature owns
 * its part in its own file; this one only composes them.
 */

export const studioMethods = {
  ...settingsMethods,
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
  ...settingsEvents,
  ...chatEvents,
  ...streamEvents,
  ...stageEvents,
  ...moderatorEvents,
  ...multistreamEvents,
} as const;

export type StudioEvents = typeof studioEvents;
export type EventName = keyof StudioEvents;
export type EventPayload<E extends EventName> = z.output<StudioEvents[E]['payload']>;

/** Each event's payload by name: the map main's event bus is typed with. */
export type StudioEventPayloads = { [E in EventName]: EventPayload<E> };
