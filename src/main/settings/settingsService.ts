import {
  DEFAULT_LIVEKIT_API_SECRET,
  type LivekitServerStatus,
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsUpdate,
  type SettingsView,
} from '../../shared/domain/settings';
import { Emitter, type EventArgs } from '../../shared/emitter';
import type { Database } from '../db/openDatabase';
import { readSetting, writeSetting } from '../db/settings/settingsRows';
import type { SecretStore } from './secretStore';

const SETTINGS_KEY = 'app.settings';

export interface SettingsEvents {
  /** Every saved change, with the view the studio shows. */
  changed: SettingsView;
}

export interface LivekitCredentials {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * Settings persisted in SQLite, with the API secret kept apart in a `SecretStore`.
 * Listeners hear every change (the server re-reads credentials, the studio refreshes its view).
 */
export class SettingsService {
  private readonly events = new Emitter<SettingsEvents>();

  constructor(
    private readonly db: Database,
    private readonly secrets: SecretStore,
    readonly dataDir: string,
    /** Which server the studio talks to right now (the app may run its own rehearsal server). */
    private readonly livekitServer: () => LivekitServerStatus = () => {
      const { url } = this.get().livekit;
      return { mode: 'configured', state: 'running', url, message: `LiveKit server at ${url}` };
    },
  ) {}

  get(): Settings {
    const stored = readSetting(this.db, SETTINGS_KEY);
    const merged = {
      livekit: { ...DEFAULT_SETTINGS.livekit, ...pick(stored, 'livekit') },
      server: { ...DEFAULT_SETTINGS.server, ...pick(stored, 'server') },
      studio: { ...DEFAULT_SETTINGS.studio, ...pick(stored, 'studio') },
    };
    const parsed = SettingsSchema.safeParse(merged);
    // A row written by a newer or broken build falls back to defaults rather than blocking start.
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  view(): SettingsView {
    const settings = this.get();
    const secret = this.secrets.read();
    return {
      livekit: { ...settings.livekit, hasSecret: true, secretSource: secret === null ? 'default' : this.secrets.source() },
      livekitServer: this.livekitServer(),
      server: settings.server,
      studio: settings.studio,
      dataDir: this.dataDir,
    };
  }

  /** Applies a validated partial update; the secret goes to the secret store, never to SQLite. */
  update(update: SettingsUpdate): SettingsView {
    const current = this.get();
    const { apiSecret, ...livekit } = update.livekit ?? {};
    const next = SettingsSchema.parse({
      livekit: { ...current.livekit, ...livekit },
      server: { ...current.server, ...update.server },
      studio: { ...current.studio, ...update.studio },
    });
    if (apiSecret !== undefined) this.secrets.write(apiSecret);
    writeSetting(this.db, SETTINGS_KEY, next);
    const view = this.view();
    this.events.emit('changed', view);
    return view;
  }

  /** Main-process only: what token minting and RoomService need. */
  livekitCredentials(): LivekitCredentials {
    const { url, apiKey } = this.get().livekit;
    return { url, apiKey, apiSecret: this.secrets.read() ?? DEFAULT_LIVEKIT_API_SECRET };
  }

  /** Returns the unsubscribe function. */
  on<E extends keyof SettingsEvents>(event: E, listener: (...args: EventArgs<SettingsEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }
}

function pick(stored: unknown, key: keyof Settings): Record<string, unknown> {
  if (stored && typeof stored === 'object' && key in stored) {
    const value = (stored as Record<string, unknown>)[key];
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  }
  return {};
}
