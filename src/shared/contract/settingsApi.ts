import { z } from 'zod';
import { ConnectionTestSchema, SettingsUpdateSchema, SettingsViewSchema } from '../domain/settings';
import { method, OWNER, OWNER_AND_MODERATOR } from './methodSpec';

/**
 * Studio API methods and events for the studio shell: settings (the API secret is write-only) and
 * where the embedded server listens. Spread into `studioMethods` and `studioEvents`.
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

export const settingsMethods = {
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
  'server.status': method({
    params: noParams,
    result: ServerStatusSchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'Embedded server address.',
  }),
} as const;

export const settingsEvents = {
  'settings.changed': { payload: SettingsViewSchema, roles: OWNER },
} as const;
