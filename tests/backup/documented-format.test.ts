import { createDecipheriv, createHash, createHmac, hkdfSync, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, smallBackup } from './fixture';

/**
 * Reads one .mbk file exactly as docs/backup.md describes it, with nothing of Мөөр's code: a copy
 * must stay readable for its retention period even if only the document survives.
 */
function decryptAsDocumented(file: string, dataKey: Buffer, backupId: string, index: number): Buffer {
  const bytes = fs.readFileSync(file);
  const header = bytes.subarray(0, 32);
  expect(header.subarray(0, 8).toString('ascii')).toBe('MOORBK01');
  expect(header.readUInt32BE(8)).toBe(index);
  const chunkBytes = header.readUInt32BE(12);
  const key = Buffer.from(
    hkdfSync('sha256', dataKey, header.subarray(16, 32), `moor-backup file ${backupId} ${index}`, 32),
  );
  const sealed = chunkBytes + 16;
  const body = bytes.subarray(32);
  const chunks = Math.ceil(body.length / sealed);
  const plain: Buffer[] = [];
  for (let chunk = 0; chunk < chunks; chunk++) {
    const piece = body.subarray(chunk * sealed, (chunk + 1) * sealed);
    const nonce = Buffer.alloc(12);
    nonce.writeBigUInt64BE(BigInt(chunk), 0);
    nonce[11] = chunk === chunks - 1 ? 1 : 0;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(header);
    decipher.setAuthTag(piece.subarray(piece.length - 16));
    plain.push(decipher.update(piece.subarray(0, piece.length - 16)), decipher.final());
  }
  return Buffer.concat(plain);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('the backup format as documented in docs/backup.md', () => {
  it('opens with the passphrase and standard primitives alone', async () => {
    const { backupPath, sha256: registered } = await smallBackup({
      '8А/journal.pdf': Buffer.alloc(3_000_000, 0x25),
    });

    const header = JSON.parse(fs.readFileSync(path.join(backupPath, 'moor-backup.json'), 'utf8')) as {
      backupId: string;
      kdf: { N: number; r: number; p: number; salt: string };
      keyCheck: string;
      dataKey: string;
      check: string;
    };
    const { check, ...body } = header;
    const canonical = (value: unknown): unknown =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
    expect(sha256(Buffer.from(JSON.stringify(canonical(body))))).toBe(check);
    const { N, r, p, salt } = header.kdf;
    const passphraseKey = scryptSync(PASSPHRASE.normalize('NFC'), Buffer.from(salt, 'base64'), 32, {
      N,
      r,
      p,
      maxmem: 256 * 1024 * 1024,
    });
    const keyCheck = createHmac('sha256', passphraseKey).update(`moor-backup key check ${header.backupId}`);
    expect(keyCheck.digest('base64')).toBe(header.keyCheck);
    const wrapped = Buffer.from(header.dataKey, 'base64');
    const unwrap = createDecipheriv('aes-256-gcm', passphraseKey, wrapped.subarray(0, 12));
    unwrap.setAAD(Buffer.from(`moor-backup data key ${header.backupId}`, 'utf8'));
    unwrap.setAuthTag(wrapped.subarray(44, 60));
    const dataKey = Buffer.concat([unwrap.update(wrapped.subarray(12, 44)), unwrap.final()]);

    const manifestFile = path.join(backupPath, '0000.mbk');
    expect(sha256(fs.readFileSync(manifestFile))).toBe(registered);
    const manifest = JSON.parse(
      decryptAsDocumented(manifestFile, dataKey, header.backupId, 0).toString('utf8'),
    ) as {
      database: { index: number; plainSha256: string; encSha256: string };
      documents: { index: number; path: string; plainSha256: string; encSha256: string }[];
    };
    for (const entry of [manifest.database, ...manifest.documents]) {
      const file = path.join(backupPath, `${String(entry.index).padStart(4, '0')}.mbk`);
      expect(sha256(fs.readFileSync(file))).toBe(entry.encSha256);
      const plain = decryptAsDocumented(file, dataKey, header.backupId, entry.index);
      expect(sha256(plain)).toBe(entry.plainSha256);
      if (entry.index === 1) expect(plain.subarray(0, 15).toString('ascii')).toBe('SQLite format 3');
    }
    expect(manifest.documents.map((d) => d.path)).toEqual([path.join('8А', 'journal.pdf')]);
  });
});
