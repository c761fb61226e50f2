import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { MoorError } from '../errors';

/** scrypt parameters, stored in every backup's header so old backups stay readable if they change. */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
}

/** 2^17 × 8 × 128 bytes = 128 MiB of memory per guess: slow to brute-force, a fraction of a second here. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** The least cost a new backup may be written with (16 MiB per guess). */
const MIN_SCRYPT_N = 2 ** 14;
const MIN_PASSPHRASE_LENGTH = 8;

export interface KeyDerivationCost {
  N: number;
  r: number;
  p: number;
}

export function newScryptParams(cost: KeyDerivationCost = DEFAULT_SCRYPT): ScryptParams {
  checkScryptParams(cost);
  if (cost.N < MIN_SCRYPT_N || cost.r < 8) {
    throw new MoorError(
      'BACKUP_KDF_TOO_WEAK',
      `scrypt cost below N=${MIN_SCRYPT_N}, r=8 is refused for new backups.`,
    );
  }
  return { N: cost.N, r: cost.r, p: cost.p, salt: randomBytes(16) };
}

export function assertUsablePassphrase(passphrase: string): void {
  if (Array.from(passphrase.normalize('NFC')).length < MIN_PASSPHRASE_LENGTH) {
    throw new MoorError(
      'BACKUP_PASSPHRASE_WEAK',
      `The school's backup passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    );
  }
}

/**
 * The settings a header may ask for are capped at what Мөөр writes: a header asking for more is
 * damaged or forged, and would otherwise cost gigabytes and many seconds per try.
 */
export function checkScryptParams(params: { N: number; r: number; p: number }): void {
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  const sane =
    powerOfTwo &&
    params.N <= DEFAULT_SCRYPT.N &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= DEFAULT_SCRYPT.r &&
    params.p === DEFAULT_SCRYPT.p;
  if (!sane) {
    throw new MoorError('BACKUP_DAMAGED', 'The backup header has impossible key-derivation settings.', {
      N: params.N,
      r: params.r,
      p: params.p,
    });
  }
}

/** The key from the school's passphrase: scrypt of it (normalised, so the same letters typed differently agree). */
export function derivePassphraseKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  checkScryptParams(params);
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      params.salt,
      32,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (error, key) => {
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}

/**
 * Binds the whole header (key-derivation settings, ids, keys) to the passphrase key: a header
 * changed after it was written is told as damage once the key is known, not read as anything else.
 */
export function headerMac(passphraseKey: Buffer, canonicalHeader: string): string {
  return createHmac('sha256', passphraseKey).update(`moor-backup header ${canonicalHeader}`).digest('base64');
}

export function headerMacMatches(passphraseKey: Buffer, canonicalHeader: string, stored: string): boolean {
  const expected = Buffer.from(headerMac(passphraseKey, canonicalHeader), 'base64');
  const given = Buffer.from(stored, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A value that tells a wrong passphrase apart from a damaged backup, without revealing the key. */
export function keyCheck(passphraseKey: Buffer, backupId: string): Buffer {
  return createHmac('sha256', passphraseKey).update(`moor-backup key check ${backupId}`).digest();
}

export function keyCheckMatches(passphraseKey: Buffer, backupId: string, stored: Buffer): boolean {
  const expected = keyCheck(passphraseKey, backupId);
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

/**
 * A backup's files are encrypted under a random data key, kept in the header wrapped with the
 * passphrase key. Encryption need not wait for scrypt (the slowest single step), and a new
 * passphrase could re-wrap the key without encrypting anything again.
 */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

const WRAP_NONCE_BYTES = 12;
const WRAP_TAG_BYTES = 16;

function wrapContext(backupId: string): Buffer {
  return Buffer.from(`moor-backup data key ${backupId}`, 'utf8');
}

/** The data key sealed with AES-256-GCM under the passphrase key: nonce, ciphertext, tag (base64). */
export function wrapDataKey(passphraseKey: Buffer, backupId: string, dataKey: Buffer): string {
  const nonce = randomBytes(WRAP_NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', passphraseKey, nonce);
  cipher.setAAD(wrapContext(backupId));
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64');
}

/** The data key from the header; the passphrase key has already passed the key check. */
export function unwrapDataKey(passphraseKey: Buffer, backupId: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  const damaged = () =>
    new MoorError('BACKUP_DAMAGED', 'The backup header is damaged: its data key cannot be opened.', {});
  if (bytes.length !== WRAP_NONCE_BYTES + 32 + WRAP_TAG_BYTES) throw damaged();
  const decipher = createDecipheriv('aes-256-gcm', passphraseKey, bytes.subarray(0, WRAP_NONCE_BYTES));
  decipher.setAAD(wrapContext(backupId));
  decipher.setAuthTag(bytes.subarray(bytes.length - WRAP_TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(WRAP_NONCE_BYTES, bytes.length - WRAP_TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw damaged();
  }
}

/** One key per file, so chunk counters never repeat a nonce under the same key. */
export function fileKey(dataKey: Buffer, backupId: string, fileIndex: number, fileSalt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, fileSalt, `moor-backup file ${backupId} ${fileIndex}`, 32));
}
