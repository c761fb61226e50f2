import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuditAnchor } from '../audit/anchor';
import { MoorError } from '../errors';
import { derivePassphraseKey, keyCheckMatches, type ScryptParams, unwrapDataKey } from './backup-key';
import {
  type BackupManifest,
  DATABASE_INDEX,
  encryptedFileName,
  HEADER_FILE,
  headerBound,
  headerScrypt,
  MANIFEST_INDEX,
  type ManifestEntry,
  parseHeader,
  parseManifest,
} from './backup-layout';
import type { BackupProgress } from './backup-progress';
import { driveError, localWriteError } from './drive-errors';
import {
  type CipherContext,
  decryptStream,
  type FileDigest,
  hashStored,
  throwIfCancelled,
} from './encrypted-file';
import { checkDatabaseFile } from './sqlite-file';
import type { TargetFs } from './target-fs';

export interface ReadBackupOptions {
  fs: TargetFs;
  /**
   * Where to write the decrypted database (a new local file); its integrity is then checked.
   * Without it the database is only decrypted and hashed: for a backup just written, whose
   * snapshot was checked and whose SHA-256 the read-back must match.
   */
  databaseTo?: string;
  /**
   * Where to write the decrypted documents, if wanted; otherwise they are only checked. A file
   * already there is never overwritten: it is kept, as newer than the backup's.
   */
  documentsTo?: string;
  /** Write the documents back into the print folder they were backed up from (instead of `documentsTo`). */
  documentsWherePrinted?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
  /**
   * The passphrase key a backup was just written with. When the header read back names exactly
   * these scrypt settings and salt, scrypt (deterministic, and the slowest single step) is not run
   * a second time;
   * the header's own check and the key check are verified as always. The manifest is decrypted and
   * authenticated; every other file is read back whole and its SHA-256 as stored compared with the
   * manifest, without decrypting it again: stored bytes identical to those written decrypt to
   * exactly what was encrypted, whose SHA-256 was taken while writing.
   */
  justWritten?: { scrypt: ScryptParams; passphraseKey: Buffer };
}

function sameScrypt(a: ScryptParams, b: ScryptParams): boolean {
  return a.N === b.N && a.r === b.r && a.p === b.p && a.salt.equals(b.salt);
}

/** What a backup holds, once every file has been read back, decrypted and checked. */
export interface BackupContents {
  backupId: string;
  createdAt: string;
  createdBy: string;
  /** Files on the drive, the header included. */
  files: number;
  /** Bytes on the drive, the header included. */
  bytes: number;
  /** The backup's fingerprint: SHA-256 of its encrypted manifest, which holds the hash of every file. */
  sha256: string;
  databaseBytes: number;
  databaseSha256: string;
  /** The schema steps of the database (from its own history when it was checked, else the manifest). */
  migrations: string[];
  documents: { path: string; bytes: number; sha256: string }[];
  /** Where the documents were written, if they were; files already there were kept (`documentsKept`). */
  documentsWrittenTo: string | null;
  /** The documents not written because a file was already in their place, which was kept. */
  documentsKept: string[];
  /** The audit chain's head in the backed-up database, as its manifest keeps it (null before it was kept). */
  auditHead: AuditAnchor | null;
}

const MAX_HEADER_BYTES = 64 * 1024;

async function readSmallFile(targetFs: TargetFs, file: string, where: string): Promise<Buffer> {
  const reader = await targetFs.open(file);
  try {
    const size = await reader.size();
    if (size > MAX_HEADER_BYTES)
      throw new MoorError('BACKUP_NOT_MOOR', `${where} is not a Мөөр backup header.`);
    const buffer = Buffer.alloc(size);
    let done = 0;
    while (done < size) {
      const got = await reader.read(buffer.subarray(done), size - done, done);
      if (got === 0) break;
      done += got;
    }
    return buffer.subarray(0, done);
  } finally {
    await reader.close();
  }
}

function safeDocumentPath(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  if (path.isAbsolute(relative) || !resolved.startsWith(path.resolve(root) + path.sep)) {
    throw new MoorError('BACKUP_DAMAGED', `The backup names a document outside its folder (${relative}).`, {
      document: relative,
    });
  }
  return resolved;
}

/** Where the documents go: the folder asked for, the print folder they came from, or nowhere. */
function documentsRoot(options: ReadBackupOptions, manifest: BackupManifest): string | null {
  if (options.documentsWherePrinted !== true) return options.documentsTo ?? null;
  if (manifest.documentsDir === undefined) {
    throw new MoorError(
      'BACKUP_DOCUMENTS_UNPLACED',
      'This backup was made before Мөөр kept the folder its printed copies came from; choose a folder to put them in.',
      { field: 'documentsTo' },
    );
  }
  return manifest.documentsDir;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes one document through a temporary name beside it, renamed into place once it decrypted
 * whole and matched the manifest: a damaged backup leaves no half-written copy in a print folder.
 */
async function writeDocument<T>(
  file: string,
  backupId: string,
  write: (temp: string) => Promise<T>,
): Promise<T> {
  await fs.mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
    throw localWriteError(error, path.dirname(file));
  });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${backupId.slice(0, 8)}.restoring`);
  try {
    const result = await write(temp);
    await fs.rename(temp, file).catch((error: unknown) => {
      throw localWriteError(error, file);
    });
    return result;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

function compareDigest(expected: ManifestEntry, actual: FileDigest, name: string): void {
  const same =
    expected.plainBytes === actual.plainBytes &&
    expected.plainSha256 === actual.plainSha256 &&
    expected.encBytes === actual.encBytes &&
    expected.encSha256 === actual.encSha256;
  if (!same) {
    throw new MoorError(
      'BACKUP_DAMAGED',
      `The backup is damaged: ${name} does not match its SHA-256 in the manifest.`,
      {
        file: name,
      },
    );
  }
}

/**
 * Reads file `entry` of the backup back and compares it with the manifest: decrypted (and written
 * to `writeTo` when given), or for a backup just written, hashed as stored.
 */
async function checkStoredFile(
  options: ReadBackupOptions,
  backupDir: string,
  context: CipherContext,
  entry: ManifestEntry,
  name: string,
  writeTo: string | undefined,
  onBytes: (bytes: number) => void,
): Promise<FileDigest> {
  const file = path.join(backupDir, encryptedFileName(entry.index));
  let reader;
  try {
    reader = await options.fs.open(file);
  } catch (error) {
    throw error instanceof Error && 'code' in error && error.code === 'ENOENT'
      ? new MoorError(
          'BACKUP_DAMAGED',
          `The backup is incomplete: ${encryptedFileName(entry.index)} (${name}) is missing.`,
          {
            file: name,
          },
        )
      : driveError(error, file);
  }
  const out =
    writeTo === undefined
      ? undefined
      : await fs.open(writeTo, 'wx').catch((error: unknown) => {
          throw localWriteError(error, writeTo);
        });
  let digest: FileDigest;
  try {
    const hooks = { onBytes, signal: options.signal };
    if (out === undefined && options.justWritten !== undefined) {
      const stored = await hashStored(reader, name, hooks);
      digest = { plainBytes: entry.plainBytes, plainSha256: entry.plainSha256, ...stored };
    } else {
      const sink = out
        ? async (plain: Buffer) => {
            await out.write(plain).catch((error: unknown) => {
              throw localWriteError(error, writeTo ?? '');
            });
          }
        : undefined;
      digest = await decryptStream(reader, context, entry.index, name, sink, hooks);
    }
  } catch (error) {
    throw driveError(error, file);
  } finally {
    await reader.close().catch(() => undefined);
    await out?.close();
  }
  compareDigest(entry, digest, name);
  return digest;
}

/**
 * Reads a backup back completely: the header, the key check (a wrong passphrase is told apart from
 * damage), the manifest, then every file, whose SHA-256 before and after encryption and sizes must
 * match the manifest; finally the decrypted database's integrity check.
 */
export async function readBackup(
  backupDir: string,
  passphrase: string,
  options: ReadBackupOptions,
): Promise<BackupContents> {
  const headerPath = path.join(backupDir, HEADER_FILE);
  let headerBytes: Buffer;
  try {
    headerBytes = await readSmallFile(options.fs, headerPath, headerPath);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new MoorError(
        'BACKUP_NOT_FOUND',
        `There is no Мөөр backup in ${backupDir} (no ${HEADER_FILE}).`,
        {
          backupDir,
        },
      );
    }
    throw driveError(error, headerPath);
  }
  const header = parseHeader(headerBytes.toString('utf8'), headerPath);
  throwIfCancelled(options.signal);
  const scrypt = headerScrypt(header);
  const passphraseKey =
    options.justWritten !== undefined && sameScrypt(options.justWritten.scrypt, scrypt)
      ? options.justWritten.passphraseKey
      : await derivePassphraseKey(passphrase, scrypt);
  if (!keyCheckMatches(passphraseKey, header.backupId, Buffer.from(header.keyCheck, 'base64'))) {
    throw new MoorError(
      'BACKUP_WRONG_PASSPHRASE',
      'The passphrase does not open this backup. Check it and try again.',
      {
        backupDir,
      },
    );
  }
  if (!headerBound(header, passphraseKey)) {
    throw new MoorError(
      'BACKUP_DAMAGED',
      `${headerPath} was changed after the backup was written; this backup cannot be trusted.`,
      { file: headerPath },
    );
  }
  // Version 1 backups encrypted their files under the passphrase key itself.
  const dataKey =
    header.version === 1
      ? passphraseKey
      : unwrapDataKey(passphraseKey, header.backupId, header.dataKey ?? '');
  const context = { dataKey, backupId: header.backupId };
  const manifestParts: Buffer[] = [];
  const manifestPath = path.join(backupDir, encryptedFileName(MANIFEST_INDEX));
  let manifestDigest: FileDigest;
  try {
    const reader = await options.fs.open(manifestPath);
    try {
      manifestDigest = await decryptStream(reader, context, MANIFEST_INDEX, 'the list of files', (plain) => {
        manifestParts.push(plain);
        return Promise.resolve();
      });
    } finally {
      await reader.close().catch(() => undefined);
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new MoorError('BACKUP_DAMAGED', 'The backup is incomplete: its list of files is missing.', {
        backupDir,
      });
    }
    throw driveError(error, manifestPath);
  }
  const manifest = parseManifest(Buffer.concat(manifestParts), header.backupId);

  // Progress counts the bytes each file is read as: stored bytes when only hashed, else plain ones.
  const counted = (entry: ManifestEntry) =>
    options.justWritten === undefined ? entry.plainBytes : entry.encBytes;
  const total = counted(manifest.database) + manifest.documents.reduce((sum, d) => sum + counted(d), 0);
  let done = 0;
  const onBytes = (bytes: number) => {
    done += bytes;
    options.onProgress?.({ phase: 'verify', done, total });
  };
  const database = await checkStoredFile(
    options,
    backupDir,
    context,
    { ...manifest.database, index: DATABASE_INDEX },
    'the database',
    options.databaseTo,
    onBytes,
  );
  const documents: BackupContents['documents'] = [];
  const documentsKept: string[] = [];
  const root = documentsRoot(options, manifest);
  for (const entry of manifest.documents) {
    const writeTo = root === null ? undefined : safeDocumentPath(root, entry.path);
    const kept = writeTo !== undefined && (await exists(writeTo));
    if (kept) documentsKept.push(entry.path);
    const digest =
      writeTo === undefined || kept
        ? await checkStoredFile(options, backupDir, context, entry, entry.path, undefined, onBytes)
        : await writeDocument(writeTo, header.backupId, (temp) =>
            checkStoredFile(options, backupDir, context, entry, entry.path, temp, onBytes),
          );
    documents.push({ path: entry.path, bytes: digest.plainBytes, sha256: digest.plainSha256 });
  }
  throwIfCancelled(options.signal);
  const migrations =
    options.databaseTo === undefined
      ? manifest.schema
      : checkDatabaseFile(options.databaseTo, `the backup ${backupDir}`).migrations;
  const encBytes =
    manifestDigest.encBytes + database.encBytes + manifest.documents.reduce((sum, d) => sum + d.encBytes, 0);
  return {
    backupId: header.backupId,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    files: 3 + documents.length,
    bytes: headerBytes.length + encBytes,
    sha256: manifestDigest.encSha256,
    databaseBytes: database.plainBytes,
    databaseSha256: database.plainSha256,
    migrations,
    documents,
    documentsWrittenTo: root,
    documentsKept,
    auditHead: manifest.auditHead ?? null,
  };
}

/** The backup's id from its header, if the header can still be read; it links a failed use to the register. */
export async function peekBackupId(targetFs: TargetFs, backupDir: string): Promise<string | null> {
  try {
    const headerPath = path.join(backupDir, HEADER_FILE);
    return parseHeader((await readSmallFile(targetFs, headerPath, headerPath)).toString('utf8'), headerPath)
      .backupId;
  } catch {
    return null;
  }
}
