import { safeStorage } from 'electron';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { AppFailure } from '../../shared/result';
import type { SecretSource } from '../../shared/domain/settings';
import { restrictToOwner } from '../db/fileModes';
import { checkedSecretName, removeFile, type KeyedSecret, type SecretStore } from '../settings/secretStore';

/**
 * Keeps the API secret encrypted with the OS keychain through `safeStorage`. On Linux without a
 * keyring Electron falls back to a hard-coded key ("basic_text"); that is not encryption, so we
 * refuse it and say what to install.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(readonly file: string) {
    // Written 0600, but a file from an older build or a restored backup may be wider. The content
    // is keychain-encrypted, so tightening it quietly is enough (unlike the plain-text file store).
    restrictToOwner(file);
  }

  private assertUsable(): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppFailure(
        'secret_storage_unavailable',
        'The system keychain is not available, so the API secret cannot be stored safely.',
      );
    }
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new AppFailure(
        'secret_storage_unavailable',
        'No system keyring (GNOME Keyring or KWallet) was found; Airdeck will not store the API secret in plain text. Install and unlock a keyring, or run the headless studio with AIRDECK_LIVEKIT_API_SECRET.',
      );
    }
  }

  read(): string | null {
    if (!existsSync(this.file)) return null;
    this.assertUsable();
    return safeStorage.decryptString(readFileSync(this.file));
  }

  write(secret: string): void {
    this.assertUsable();
    if (existsSync(this.file)) unlinkSync(this.file);
    writeFileSync(this.file, safeStorage.encryptString(secret), { mode: 0o600 });
  }

  /** `<file>.<name>`, encrypted with the same keychain. */
  forKey(name: string): KeyedSecret {
    const store = new SafeStorageSecretStore(`${this.file}.${checkedSecretName(name)}`);
    return { read: () => store.read(), write: (secret) => store.write(secret), remove: () => removeFile(store.file) };
  }

  source(): SecretSource {
    return existsSync(this.file) ? 'stored' : 'default';
  }
}
