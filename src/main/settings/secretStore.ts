import { chmodSync, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { AppFailure } from '../../shared/result';
import type { SecretSource } from '../../shared/domain/settings';

/**
 * Where the LiveKit API secret lives. The secret is written through here and read only by main
 * (token minting, RoomService, webhook verification); no API returns it.
 */
export interface SecretStore {
  /** The stored or configured secret, or null when none is set (the default then applies). */
  read(): string | null;
  write(secret: string): void;
  /** Where `read()` gets its value; 'default' when it returns null. */
  source(): SecretSource;
  /**
   * Another secret kept the same way (the same keychain or file mode), under `name`: stream keys
   * of multistream destinations. `name` is an id we generated ([A-Za-z0-9_-]).
   */
  forKey(name: string): KeyedSecret;
}

/** One named secret beside the API secret. */
export interface KeyedSecret {
  read(): string | null;
  write(secret: string): void;
  remove(): void;
}

/** Names become file suffixes: only ids we generate are accepted. */
export function checkedSecretName(name: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new AppFailure('bad_request', 'Not a secret name');
  return name;
}

/** Keeps the secret in memory only: tests, and a fallback nobody persists to. */
export class MemorySecretStore implements SecretStore {
  private readonly named = new Map<string, string>();
  constructor(private secret: string | null = null) {}
  forKey(name: string): KeyedSecret {
    const key = checkedSecretName(name);
    return {
      read: () => this.named.get(key) ?? null,
      write: (secret) => void this.named.set(key, secret),
      remove: () => void this.named.delete(key),
    };
  }
  read(): string | null {
    return this.secret;
  }
  write(secret: string): void {
    this.secret = secret;
  }
  source(): SecretSource {
    return this.secret === null ? 'default' : 'stored';
  }
}

/**
 * Headless store: `AIRDECK_LIVEKIT_API_SECRET` wins when set (server boxes configure it that way);
 * otherwise a file readable only by the current user (mode 0600).
 */
export class FileSecretStore implements SecretStore {
  constructor(
    readonly file: string,
    private readonly environmentSecret: string | undefined = process.env.AIRDECK_LIVEKIT_API_SECRET,
  ) {}

  read(): string | null {
    if (this.environmentSecret) return this.environmentSecret;
    if (!existsSync(this.file)) return null;
    // Refuse a file others can read: someone loosened its mode, so it may have leaked. Unlike the
    // other data files this one is not quietly tightened at start: the plain-text secret may
    // already be out, and only the user can tell whether it needs rotating.
    if ((statSync(this.file).mode & 0o077) !== 0 && process.platform !== 'win32') {
      throw new AppFailure(
        'secret_storage_unavailable',
        `The secret file ${this.file} is readable by other users; run chmod 600 on it or set the secret again.`,
      );
    }
    const secret = readFileSync(this.file, 'utf8').trim();
    return secret === '' ? null : secret;
  }

  write(secret: string): void {
    if (this.environmentSecret) {
      throw new AppFailure(
        'secret_storage_unavailable',
        'The API secret comes from AIRDECK_LIVEKIT_API_SECRET; change that variable instead.',
      );
    }
    if (existsSync(this.file)) unlinkSync(this.file);
    writeFileSync(this.file, secret, { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }

  /** `<file>.<name>`, mode 0600 like the API secret (the environment variable covers only that one). */
  forKey(name: string): KeyedSecret {
    const store = new FileSecretStore(`${this.file}.${checkedSecretName(name)}`, undefined);
    return { read: () => store.read(), write: (secret) => store.write(secret), remove: () => removeFile(store.file) };
  }

  source(): SecretSource {
    if (this.environmentSecret) return 'environment';
    return existsSync(this.file) ? 'stored' : 'default';
  }
}

export function removeFile(file: string): void {
  if (existsSync(file)) unlinkSync(file);
}
