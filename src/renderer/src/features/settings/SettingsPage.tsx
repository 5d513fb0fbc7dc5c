import { useState, type FormEvent } from 'react';
import { CheckSetting } from '../../components/CheckSetting';
import type { SettingsUpdate, SettingsView } from '../../../../shared/domain/settings';
import { useStudio } from '../../store';
import {
  selectSaveSettings,
  selectSettings,
  selectSettingsError,
  selectSettingsSavedAt,
  selectSettingsSaving,
} from '../../store/selectors/settings';
import { ChatRulesCard } from '../moderation/ChatRulesCard';
import { DestinationsSettings } from '../multistream/DestinationsSettings';
import { ConnectionTestResult } from './ConnectionTestResult';
import { LivekitServerNote } from './LivekitServerNote';

interface FormState {
  url: string;
  apiKey: string;
  apiSecret: string;
  bindAddress: string;
  port: string;
  publicBaseUrl: string;
  /** Addresses separated by commas or spaces, as typed. */
  trustedProxies: string;
  recordLocally: boolean;
  raisedHands: boolean;
  queueShortcuts: boolean;
}

function toForm(view: SettingsView): FormState {
  return {
    url: view.livekit.url,
    apiKey: view.livekit.apiKey,
    apiSecret: '',
    bindAddress: view.server.bindAddress,
    port: String(view.server.port),
    publicBaseUrl: view.server.publicBaseUrl,
    trustedProxies: view.server.trustedProxies.join(', '),
    recordLocally: view.studio.recordLocally,
    raisedHands: view.studio.raisedHands,
    queueShortcuts: view.studio.queueShortcuts,
  };
}

function toUpdate(form: FormState): SettingsUpdate {
  return {
    livekit: { url: form.url, apiKey: form.apiKey, ...(form.apiSecret === '' ? {} : { apiSecret: form.apiSecret }) },
    server: {
      bindAddress: form.bindAddress,
      port: Number(form.port),
      publicBaseUrl: form.publicBaseUrl,
      trustedProxies: form.trustedProxies.split(/[\s,]+/u).filter((address) => address !== ''),
    },
    studio: { recordLocally: form.recordLocally, raisedHands: form.raisedHands, queueShortcuts: form.queueShortcuts },
  };
}

const SECRET_HINT: Record<SettingsView['livekit']['secretSource'], string> = {
  default: 'Using the development default ("secret"). Enter your project secret for LiveKit Cloud.',
  environment: 'Set by AIRDECK_LIVEKIT_API_SECRET on this machine.',
  stored: 'A secret is saved. Leave empty to keep it.',
};

type SettingsTab = 'general' | 'chat' | 'destinations';

/**
 * Settings in pages: LiveKit, streaming and server options (one Save); the chat rules (which apply
 * at once, even while live); and multistream destinations. Secrets can be replaced, never shown.
 */
export function SettingsPage() {
  const settings = useStudio(selectSettings);
  const [tab, setTab] = useState<SettingsTab>('general');
  if (!settings)
    return (
      <p className="page-loading" role="status">
        Loading settings…
      </p>
    );
  // New saved settings start the form afresh; the server status line changing does not.
  const { livekitServer: _status, ...saved } = settings;
  return (
    <div className="settings-pages">
      <nav className="settings-tabs page" aria-label="Settings pages">
        <button type="button" aria-current={tab === 'general' ? 'page' : undefined} onClick={() => setTab('general')}>
          General
        </button>
        <button type="button" aria-current={tab === 'chat' ? 'page' : undefined} onClick={() => setTab('chat')}>
          Chat rules
        </button>
        <button type="button" aria-current={tab === 'destinations' ? 'page' : undefined} onClick={() => setTab('destinations')}>
          Destinations
        </button>
      </nav>
      {tab === 'general' ? (
        <SettingsForm key={JSON.stringify(saved)} settings={settings} />
      ) : tab === 'chat' ? (
        <div className="page page--continued">
          <ChatRulesCard />
        </div>
      ) : (
        <DestinationsSettings />
      )}
    </div>
  );
}

function SettingsForm({ settings }: { settings: SettingsView }) {
  const error = useStudio(selectSettingsError);
  const saving = useStudio(selectSettingsSaving);
  const savedAt = useStudio(selectSettingsSavedAt);
  const saveSettings = useStudio(selectSaveSettings);
  const [form, setForm] = useState<FormState>(() => toForm(settings));

  const field = (key: Exclude<keyof FormState, 'recordLocally' | 'raisedHands' | 'queueShortcuts'>) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await saveSettings(toUpdate(form));
  };

  return (
    <form className="page settings" onSubmit={submit} aria-label="Settings">
      <h1>Settings</h1>
      <section className="card" aria-labelledby="livekit-heading">
        <h2 id="livekit-heading">LiveKit</h2>
        <p className="hint">
          Leave the defaults to rehearse on Airdeck's own local server; enter your LiveKit Cloud project (wss://…livekit.cloud, key and
          secret) or your livekit-server to stream to viewers anywhere.
        </p>
        <LivekitServerNote />
        <label>
          Server URL
          <input type="text" {...field('url')} placeholder="wss://your-project.livekit.cloud" spellCheck={false} required />
        </label>
        <label>
          API key
          <input type="text" {...field('apiKey')} spellCheck={false} autoComplete="off" required />
        </label>
        <label>
          API secret
          <input
            type="password"
            {...field('apiSecret')}
            autoComplete="new-password"
            placeholder={settings.livekit.secretSource === 'default' ? 'secret' : '••••••••'}
          />
          <span className="hint">{SECRET_HINT[settings.livekit.secretSource]}</span>
        </label>
        <ConnectionTestResult />
      </section>

      <section className="card" aria-labelledby="studio-heading">
        <h2 id="studio-heading">Streaming</h2>
        <CheckSetting
          checked={form.recordLocally}
          onChange={(recordLocally) => setForm({ ...form, recordLocally })}
          hint="The program as viewers see it (screen, camera, guests and their voices), saved as WebM in the data directory below."
        >
          Record every stream to this computer
        </CheckSetting>
        <CheckSetting
          checked={form.raisedHands}
          onChange={(raisedHands) => setForm({ ...form, raisedHands })}
          hint="Raised hands arrive in the moderation queue next to invited guests' requests; nobody goes on stage until you approve."
        >
          Let viewers raise a hand to join the stage
        </CheckSetting>
      </section>

      <section className="card" aria-labelledby="keyboard-heading">
        <h2 id="keyboard-heading">Keyboard</h2>
        <CheckSetting
          checked={form.queueShortcuts}
          onChange={(queueShortcuts) => setForm({ ...form, queueShortcuts })}
          hint="j k a r d t b act on the selected item, and ? lists every shortcut, only while the queue has focus. Turn them off if you use speech input or keep pressing them by accident; the buttons and Ctrl/Cmd shortcuts keep working."
        >
          Single-key shortcuts in the moderation queue
        </CheckSetting>
      </section>

      <section className="card" aria-labelledby="server-heading">
        <h2 id="server-heading">Embedded server</h2>
        <p className="hint">Serves the guest and viewer pages and the chat. Changes here apply the next time Airdeck starts.</p>
        <label>
          Bind address
          <select value={form.bindAddress} onChange={(event) => setForm({ ...form, bindAddress: event.target.value })}>
            <option value="127.0.0.1">This computer only (127.0.0.1)</option>
            <option value="0.0.0.0">Local network (0.0.0.0)</option>
            {!['127.0.0.1', '0.0.0.0'].includes(form.bindAddress) && <option value={form.bindAddress}>{form.bindAddress}</option>}
          </select>
        </label>
        <label>
          Port
          <input type="number" min={0} max={65535} {...field('port')} required />
        </label>
        <label>
          Public base URL
          <input
            type="text"
            {...field('publicBaseUrl')}
            placeholder="https://studio.example.com (optional, for a tunnel)"
            spellCheck={false}
          />
          <span className="hint">Used in invite and watch links. Leave empty to use this computer's address.</span>
        </label>
        <label>
          Trusted proxies
          <input
            type="text"
            {...field('trustedProxies')}
            placeholder="127.0.0.1 (optional, the tunnel or proxy in front of Airdeck)"
            spellCheck={false}
          />
          <span className="hint">
            IP addresses whose X-Forwarded-For header is believed, so limits apply per viewer instead of per proxy. Leave empty unless a
            proxy forwards to Airdeck.
          </span>
        </label>
        <label>
          Data directory
          <input type="text" value={settings.dataDir} readOnly aria-readonly="true" />
          <span className="hint">History, recordings and settings live here. Choose another with --data-dir or AIRDECK_DATA_DIR.</span>
        </label>
      </section>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" aria-live="polite" className={error ? 'form-error' : 'form-ok'}>
          {error ? error.message : savedAt ? 'Settings saved.' : ''}
        </span>
      </div>
    </form>
  );
}
