import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretName, SecretStore } from '../core/secrets/secret-store';
import { MoorError } from '../core/errors';

/**
 * Secrets encrypted with Electron's safeStorage (DPAPI on Windows, the keychain or libsecret
 * elsewhere), one file each in the user-data folder: readable only by this user on this PC, never
 * in the mirror or its backups.
 */
export class SafeStorageSecrets implements SecretStore {
  constructor(private readonly folder: string) {}

  private file(name: SecretName): string {
    return path.join(this.folder, `${name}.secret`);
  }

  get(name: SecretName): string | null {
    const file = this.file(name);
    if (!fs.existsSync(file)) return null;
    return safeStorage.decryptString(fs.readFileSync(file));
  }

  set(name: SecretName, value: string | null): void {
    const file = this.file(name);
    if (value === null) {
      fs.rmSync(file, { force: true });
      return;
    }
    if (!safeStorage.isEncryptionAvailable()) {
      throw new MoorError(
        'SECRET_STORE_UNAVAILABLE',
        "This computer cannot protect the Kundoluk sign-in (the system's secret store is not available); it was not saved.",
      );
    }
    fs.mkdirSync(this.folder, { recursive: true });
    fs.writeFileSync(file, safeStorage.encryptString(value), { mode: 0o600 });
  }
}
