import fs from 'node:fs';
import path from 'node:path';
import { MoorError } from '../errors';

/** The names of the secrets Мөөр keeps outside the mirror: a further Kundoluk account's token by its id. */
export type SecretName = 'kundoluk.token' | 'kundoluk.ais' | `kundoluk.account.${number}`;

export const accountTokenName = (accountId: number): SecretName => `kundoluk.account.${accountId}`;

/**
 * Where secrets live: never in the mirror, whose backups and bundles travel. The app keeps them
 * with the operating system's protection (Electron's safeStorage, DPAPI on Windows); the command
 * line in a file the IT person protects.
 */
export interface SecretStore {
  get(name: SecretName): string | null;
  /** Null forgets the secret. */
  set(name: SecretName, value: string | null): void;
}

/** Secrets in one JSON file, written with owner-only permissions (the command line's store). */
export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  private read(): Partial<Record<SecretName, string>> {
    if (!fs.existsSync(this.file)) return {};
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Record<SecretName, string>>;
    } catch {
      throw new MoorError('SECRET_FILE', `${this.file} is not a secrets file Мөөр wrote.`, {
        file: this.file,
      });
    }
  }

  get(name: SecretName): string | null {
    return this.read()[name] ?? null;
  }

  set(name: SecretName, value: string | null): void {
    const secrets = Object.fromEntries(Object.entries(this.read()).filter(([key]) => key !== name));
    if (value !== null) secrets[name] = value;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(secrets), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }
}
