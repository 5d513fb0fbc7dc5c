import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSetting } from '../../src/main/db/settings/settingsRows';
import { FileSecretStore } from '../../src/main/settings/secretStore';
import { FrameClient } from '../support/frameClient';
import { startTestApp } from '../support/testApp';

describe('settings persistence', () => {
  it('survives a restart, and the secret file is readable only by its owner', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-persist-'));
    const secretFile = join(dataDir, 'livekit-api-secret');
    const first = await startTestApp({ dataDir, secretStore: new FileSecretStore(secretFile, undefined) });
    const client = await FrameClient.open(first.wsUrl('/control', { session: first.app.ownerToken }));
    const saved = await client.call('settings.update', {
      livekit: { url: 'wss://demo.livekit.cloud', apiKey: 'APIabc', apiSecret: 'persisted-secret' },
      server: { port: 8123, bindAddress: '0.0.0.0', publicBaseUrl: 'https://tunnel.example.com' },
    });
    expect(saved.ok).toBe(true);
    client.close();
    await first.close();

    const second = await startTestApp({ dataDir, secretStore: new FileSecretStore(secretFile, undefined) });
    expect(second.app.settings.view()).toMatchObject({
      livekit: { url: 'wss://demo.livekit.cloud', apiKey: 'APIabc', secretSource: 'stored' },
      server: { port: 8123, bindAddress: '0.0.0.0', publicBaseUrl: 'https://tunnel.example.com' },
    });
    expect(second.app.settings.livekitCredentials().apiSecret).toBe('persisted-secret');
    const { statSync } = await import('node:fs');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    await second.close();
  });

  it('keeps queue shortcuts on for settings saved before the option existed, and persists turning them off', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-shortcuts-'));
    const first = await startTestApp({ dataDir });
    // A row as an older build wrote it: no queueShortcuts key.
    writeSetting(first.app.db, 'app.settings', { studio: { recordLocally: false, raisedHands: true } });
    expect(first.app.settings.view().studio).toEqual({ recordLocally: false, raisedHands: true, queueShortcuts: true });
    const client = await FrameClient.open(first.wsUrl('/control', { session: first.app.ownerToken }));
    expect((await client.call('settings.update', { studio: { queueShortcuts: false } })).ok).toBe(true);
    expect((await client.callRaw('settings.update', { studio: { queueShortcuts: 'no' } })).ok).toBe(false);
    client.close();
    await first.close();

    const second = await startTestApp({ dataDir });
    expect(second.app.settings.view().studio).toEqual({ recordLocally: false, raisedHands: true, queueShortcuts: false });
    await second.close();
  });

  it('takes the secret from AIRDECK_LIVEKIT_API_SECRET and refuses to overwrite it', () => {
    const store = new FileSecretStore(join(mkdtempSync(join(tmpdir(), 'airdeck-env-')), 'secret'), 'from-env');
    expect(store.read()).toBe('from-env');
    expect(store.source()).toBe('environment');
    expect(() => store.write('other')).toThrow(/AIRDECK_LIVEKIT_API_SECRET/);
  });
});
