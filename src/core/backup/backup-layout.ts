import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../audit/canonical-json';
import { MoorError } from '../errors';
import {
  checkScryptParams,
  headerMac,
  headerMacMatches,
  keyCheck,
  type ScryptParams,
  wrapDataKey,
} from './backup-key';

/**
 * What a backup folder holds. Only the header is plain text, and it names nothing: the format, the
 * key-derivation settings and a key check. Everything else, including the list of files and their
 * names, is encrypted in numbered files, so a found drive shows no names of children or classes.
 *
 *   moor-backup.json   header
 *   0000.mbk           manifest (JSON): what every other file is, its size and SHA-256
 *   0001.mbk           the mirror database
 *   0002.mbk …         the period's printed documents
 */
export const HEADER_FILE = 'moor-backup.json';
export const MANIFEST_INDEX = 0;
export const DATABASE_INDEX = 1;
export const FIRST_DOCUMENT_INDEX = 2;

export function encryptedFileName(index: number): string {
  return `${String(index).padStart(4, '0')}.mbk`;
}

const headerSchema = z.object({
  format: z.literal('moor-backup'),
  /** 1: files encrypted under the passphrase key itself. 2: under a random data key kept in `dataKey`. */
  /** 3: as 2, and `mac` binds the header to the passphrase key. */
  version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  backupId: z.uuid(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string().min(1),
  }),
  cipher: z.literal('aes-256-gcm-chunked'),
  keyCheck: z.string().min(1),
  dataKey: z.string().min(1).optional(),
  mac: z.string().min(1).optional(),
  check: z.string().length(64),
});
export type BackupHeader = z.infer<typeof headerSchema>;

function headerCheck(header: Omit<BackupHeader, 'check'>): string {
  return createHash('sha256').update(canonicalJson(header)).digest('hex');
}

export function makeHeader(
  backupId: string,
  scrypt: ScryptParams,
  passphraseKey: Buffer,
  dataKey: Buffer,
): BackupHeader {
  const bound = {
    format: 'moor-backup' as const,
    version: 3 as const,
    backupId,
    kdf: {
      name: 'scrypt' as const,
      N: scrypt.N,
      r: scrypt.r,
      p: scrypt.p,
      salt: scrypt.salt.toString('base64'),
    },
    cipher: 'aes-256-gcm-chunked' as const,
    keyCheck: keyCheck(passphraseKey, backupId).toString('base64'),
    dataKey: wrapDataKey(passphraseKey, backupId, dataKey),
  };
  const body = { ...bound, mac: headerMac(passphraseKey, canonicalJson(bound)) };
  return { ...body, check: headerCheck(body) };
}

export function parseHeader(text: string, where: string): BackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MoorError(
      'BACKUP_DAMAGED',
      `${where} is damaged (not readable JSON); this backup cannot be used.`,
      {
        file: where,
      },
    );
  }
  const parsed = headerSchema.safeParse(json);
  const incomplete =
    parsed.success &&
    ((parsed.data.version >= 2 && parsed.data.dataKey === undefined) ||
      (parsed.data.version === 3 && parsed.data.mac === undefined));
  if (!parsed.success || incomplete) {
    throw new MoorError('BACKUP_NOT_MOOR', `${where} is not the header of a Мөөр backup (version 1 to 3).`, {
      file: where,
    });
  }
  const { check, ...body } = parsed.data;
  if (headerCheck(body) !== check) {
    throw new MoorError(
      'BACKUP_DAMAGED',
      `${where} is damaged (its check value does not match); this backup cannot be used.`,
      {
        file: where,
      },
    );
  }
  // Before any scrypt work: settings beyond what Мөөр writes are refused as damage.
  checkScryptParams(parsed.data.kdf);
  return parsed.data;
}

/** Version 3: whether the header is, field for field, the one written under this passphrase key. */
export function headerBound(header: BackupHeader, passphraseKey: Buffer): boolean {
  if (header.version < 3) return true;
  const { check: _check, mac, ...bound } = header;
  return headerMacMatches(passphraseKey, canonicalJson(bound), mac ?? '');
}

export function headerScrypt(header: BackupHeader): ScryptParams {
  return { N: header.kdf.N, r: header.kdf.r, p: header.kdf.p, salt: Buffer.from(header.kdf.salt, 'base64') };
}

const digestSchema = z.object({
  index: z.number().int().nonnegative(),
  plainBytes: z.number().int().nonnegative(),
  plainSha256: z.string().length(64),
  encBytes: z.number().int().nonnegative(),
  encSha256: z.string().length(64),
});

const manifestSchema = z.object({
  backupId: z.uuid(),
  createdAt: z.string(),
  createdBy: z.string(),
  schema: z.array(z.string()),
  database: digestSchema,
  documents: z.array(digestSchema.extend({ path: z.string().min(1) })),
  /**
   * The print folder the documents were backed up from (their paths are relative to it), where a
   * restore may put them back; backups made before it was kept lack it.
   */
  documentsDir: z.string().min(1).optional(),
  /** The audit chain's head in the backed-up database; backups made before it was kept lack it. */
  auditHead: z
    .object({ id: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof digestSchema>;

export function parseManifest(plain: Buffer, backupId: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new MoorError('BACKUP_DAMAGED', 'The backup’s list of files is not readable.', {});
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success || parsed.data.backupId !== backupId) {
    throw new MoorError('BACKUP_DAMAGED', 'The backup’s list of files does not belong to this backup.', {});
  }
  return parsed.data;
}
