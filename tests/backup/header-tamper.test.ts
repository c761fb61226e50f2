import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/audit/canonical-json';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import { failureCode, PASSPHRASE, itAdmin, smallBackup, tempDir } from './fixture';

type Header = Record<string, unknown> & { kdf: Record<string, unknown>; version: number };

/** A copy of the backup whose header is edited, its plain check value recomputed as a forger would. */
function forged(backup: string, edit: (header: Header) => void): string {
  const copy = path.join(tempDir(), 'forged');
  fs.cpSync(backup, copy, { recursive: true });
  const file = path.join(copy, 'moor-backup.json');
  const { check: _check, ...header }: Header = JSON.parse(fs.readFileSync(file, 'utf8')) as Header;
  edit(header);
  const check = createHash('sha256').update(canonicalJson(header)).digest('hex');
  fs.writeFileSync(file, JSON.stringify({ ...header, check }));
  return copy;
}

const verify = (backupDir: string) =>
  verifyBackup({ backupDir, passphrase: PASSPHRASE, actor: itAdmin, clock: () => new Date() });

describe('the backup header', () => {
  let backup: string;
  beforeAll(async () => {
    backup = (await smallBackup({ '7А.pdf': Buffer.alloc(1000, 7) })).backupPath;
  });

  it('is bound to the passphrase key: a changed header is damage, not a wrong passphrase', async () => {
    const header = JSON.parse(fs.readFileSync(path.join(backup, 'moor-backup.json'), 'utf8')) as Header;
    expect(header.version).toBe(3);
    expect(typeof header.mac).toBe('string');
    const macChanged = forged(backup, (h) => {
      h.mac = Buffer.alloc(32, 1).toString('base64');
    });
    expect(await failureCode(verify(macChanged))).toBe('BACKUP_DAMAGED');
  });

  it('refuses key-derivation settings beyond what Мөөр writes before spending any work on them', async () => {
    for (const kdf of [{ N: 2 ** 18 }, { r: 16 }, { p: 2 }]) {
      const costly = forged(backup, (h) => {
        Object.assign(h.kdf, kdf);
      });
      expect({ kdf, code: await failureCode(verify(costly)) }).toEqual({ kdf, code: 'BACKUP_DAMAGED' });
    }
  });

  it('keeps reading version 2 backups, which have no header MAC', async () => {
    const older = forged(backup, (h) => {
      delete h.mac;
      h.version = 2;
    });
    const original = JSON.parse(fs.readFileSync(path.join(backup, 'moor-backup.json'), 'utf8')) as Header;
    const contents = await verify(older);
    expect(contents.backupId).toBe(original.backupId);
  });
});
