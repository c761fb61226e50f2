import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileSecretStore } from '../../src/core/secrets/secret-store';
import { tempDir } from '../support/temp-dir';

/** A stand-in for Electron's safeStorage: a reversible scrambling the test can see through. */
const electron = vi.hoisted(() => {
  const scramble = (text: string) => Buffer.from(text, 'utf8').map((b) => b ^ 0x5a);
  const module = {
    safeStorage: {
      available: true,
      isEncryptionAvailable: () => module.safeStorage.available,
      encryptString: (text: string) => Buffer.from(scramble(text)),
      decryptString: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
    },
  };
  return module;
});
vi.mock('electron', () => ({ ...electron, default: electron }));

const { SafeStorageSecrets } = await import('../../src/main/safe-storage-secrets');

describe('where the Kundoluk sign-in is kept', () => {
  it('in the app: encrypted by the system, never as plain text on disk, and forgotten on request', () => {
    const folder = tempDir();
    const store = new SafeStorageSecrets(folder);
    store.set('kundoluk.token', 'eyJ-secret-token');
    const onDisk = fs
      .readdirSync(folder)
      .map((f) => fs.readFileSync(path.join(folder, f)).toString('latin1'));
    expect(onDisk.join('')).not.toContain('eyJ-secret-token');
    expect(store.get('kundoluk.token')).toBe('eyJ-secret-token');
    store.set('kundoluk.token', null);
    expect(store.get('kundoluk.token')).toBeNull();

    electron.safeStorage.available = false;
    expect(() => {
      store.set('kundoluk.token', 'x');
    }).toThrow(expect.objectContaining({ code: 'SECRET_STORE_UNAVAILABLE' }) as Error);
    electron.safeStorage.available = true;
  });

  it('on the command line: in a file only its owner reads', () => {
    const file = path.join(tempDir(), 'secrets.json');
    const store = new FileSecretStore(file);
    store.set('kundoluk.ais', '{"gbToken":"g"}');
    expect(new FileSecretStore(file).get('kundoluk.ais')).toBe('{"gbToken":"g"}');
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });
});
