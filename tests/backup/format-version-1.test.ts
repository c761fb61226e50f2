import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/audit/canonical-json';
import { derivePassphraseKey, unwrapDataKey } from '../../src/core/backup/backup-key';
import { type BackupManifest, encryptedFileName, parseManifest } from '../../src/core/backup/backup-layout';
import {
  bufferSource,
  type CipherContext,
  decryptStream,
  encryptStream,
  type FileDigest,
} from '../../src/core/backup/encrypted-file';
import { nodeTargetFs } from '../../src/core/backup/target-fs';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import { fixedClock } from '../../src/core/clock';
import { admin } from '../support/actors';
import { PASSPHRASE, smallBackup } from './fixture';

async function decryptFile(file: string, context: CipherContext, index: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  const reader = await nodeTargetFs.open(file);
  try {
    await decryptStream(reader, context, index, file, (plain) => Promise.resolve(void parts.push(plain)));
  } finally {
    await reader.close();
  }
  return Buffer.concat(parts);
}

async function encryptFile(
  file: string,
  plain: Buffer,
  context: CipherContext,
  index: number,
): Promise<FileDigest> {
  fs.rmSync(file);
  const writer = await nodeTargetFs.create(file);
  try {
    return await encryptStream(bufferSource(plain), plain.length, writer, context, index);
  } finally {
    await writer.close();
  }
}

/**
 * Turns a backup into what the first format wrote: every file encrypted under the passphrase key
 * itself, no data key in the header (version 1), the manifest's hashes those of the new files.
 */
async function rewriteAsVersion1(backupDir: string): Promise<void> {
  const headerFile = path.join(backupDir, 'moor-backup.json');
  const header = JSON.parse(fs.readFileSync(headerFile, 'utf8')) as Record<string, unknown> & {
    backupId: string;
    kdf: { N: number; r: number; p: number; salt: string };
    dataKey: string;
  };
  const { backupId } = header;
  const passphraseKey = await derivePassphraseKey(PASSPHRASE, {
    ...header.kdf,
    salt: Buffer.from(header.kdf.salt, 'base64'),
  });
  const current = { dataKey: unwrapDataKey(passphraseKey, backupId, header.dataKey), backupId };
  const first = { dataKey: passphraseKey, backupId };
  const manifestFile = path.join(backupDir, encryptedFileName(0));
  const manifest = parseManifest(await decryptFile(manifestFile, current, 0), backupId);
  const again = async <T extends BackupManifest['database']>(entry: T): Promise<T> => {
    const file = path.join(backupDir, encryptedFileName(entry.index));
    const digest = await encryptFile(file, await decryptFile(file, current, entry.index), first, entry.index);
    return { ...entry, ...digest };
  };
  const rewritten: BackupManifest = {
    ...manifest,
    database: await again(manifest.database),
    documents: await Promise.all(manifest.documents.map(again)),
  };
  await encryptFile(manifestFile, Buffer.from(JSON.stringify(rewritten), 'utf8'), first, 0);
  const { check: _check, dataKey: _dataKey, ...rest } = header;
  const body = { ...rest, version: 1 };
  const check = createHash('sha256').update(canonicalJson(body)).digest('hex');
  fs.writeFileSync(headerFile, `${JSON.stringify({ ...body, check }, null, 2)}\n`);
}

describe('backups of the first format (version 1)', () => {
  it('still open: verified with every hash and the database, documents intact', async () => {
    const { backupPath } = await smallBackup({ '9Б/copy.pdf': '%PDF-1.7 9Б' });
    await rewriteAsVersion1(backupPath);
    expect(JSON.parse(fs.readFileSync(path.join(backupPath, 'moor-backup.json'), 'utf8'))).toMatchObject({
      version: 1,
    });

    const contents = await verifyBackup({
      backupDir: backupPath,
      passphrase: PASSPHRASE,
      actor: admin,
      clock: fixedClock('2026-03-26T09:00:00Z'),
    });
    expect(contents.documents).toEqual([
      {
        path: '9Б/copy.pdf',
        bytes: Buffer.byteLength('%PDF-1.7 9Б'),
        sha256: createHash('sha256').update('%PDF-1.7 9Б').digest('hex'),
      },
    ]);
    await expect(
      verifyBackup({
        backupDir: backupPath,
        passphrase: 'не тот пароль совсем',
        actor: admin,
        clock: fixedClock('2026-03-26T09:00:00Z'),
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
  });
});
