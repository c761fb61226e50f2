import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuditAnchor } from '../audit/anchor';
import { anchorText } from '../audit/chain-head';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { isMoorError, MoorError } from '../errors';
import {
  registerBackupFailed,
  registerBackupStart,
  registerBackupVerified,
} from '../registers/backup-register';
import {
  assertUsablePassphrase,
  derivePassphraseKey,
  type KeyDerivationCost,
  newDataKey,
  newScryptParams,
  type ScryptParams,
} from './backup-key';
import {
  type BackupManifest,
  DATABASE_INDEX,
  encryptedFileName,
  FIRST_DOCUMENT_INDEX,
  HEADER_FILE,
  makeHeader,
  MANIFEST_INDEX,
} from './backup-layout';
import type { BackupProgress } from './backup-progress';
import { driveError } from './drive-errors';
import {
  bufferSource,
  type CipherContext,
  encryptStream,
  type FileDigest,
  inFlight,
  type PlainSource,
  throwIfCancelled,
} from './encrypted-file';
import { prepareCheckInWorker } from './check-in-worker';
import type { IntegrityCheck } from './sqlite-file';
import { describeMedium } from './medium';
import { readBackup } from './read-backup';
import { assertSchoolPassphrase } from './school-passphrase';
import { claimBackup, cleanBackupLeftovers, snapshotFolderPrefix } from './leftovers';
import { listDocuments, snapshotAuditHead, snapshotMirror } from './snapshot';
import { snapshotFolder } from './snapshot-folder';
import { nodeTargetFs, type TargetFs, type TargetWriter } from './target-fs';

export interface CreateBackupOptions {
  /** The folder the user picked, usually on an external drive; the backup goes into a new folder inside it. */
  targetDir: string;
  passphrase: string;
  actor: Actor;
  clock: Clock;
  /** The folder of the period's printed copies, included when given. */
  documentsDir?: string;
  /** The drive's label as the user names it; otherwise the one the OS reports. */
  mediumLabel?: string;
  /** The reporting period the backup was made for (the quarter-end close passes it). */
  periodId?: number;
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  /** The drive's file layer; tests put a fault-injecting one here. */
  fs?: TargetFs;
  /** A local folder for the plain snapshot while it is encrypted; by default see snapshot-folder.ts. */
  workDir?: string;
  /** scrypt cost for this backup; the default is the one to use. Tests lower it (never below the floor). */
  keyDerivation?: KeyDerivationCost;
  /**
   * The check of the snapshot before it counts as good. 'quick' (default): SQLite's quick_check,
   * every page, b-tree, record and constraint. 'full': its integrity_check, which also compares every
   * index with its table, about four times as long on a large mirror. `verify` and restore run the
   * full check on the database they decrypt.
   */
  integrityCheck?: IntegrityCheck;
}

export interface BackupResult {
  registerId: number;
  registerYear: number;
  registerNumber: number;
  backupId: string;
  backupPath: string;
  bytes: number;
  sha256: string;
  documents: number;
  verified: true;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** A folder name that sorts by date and says nothing about the school or its pupils. */
export function backupFolderName(at: Date, backupId: string): string {
  const date = `${at.getFullYear()}${twoDigits(at.getMonth() + 1)}${twoDigits(at.getDate())}`;
  const time = `${twoDigits(at.getHours())}${twoDigits(at.getMinutes())}${twoDigits(at.getSeconds())}`;
  return `moor-backup-${date}-${time}-${backupId.slice(0, 8)}`;
}

function fileSource(handle: fs.FileHandle): PlainSource {
  return async (buffer, length, position) => (await handle.read(buffer, 0, length, position)).bytesRead;
}

/** Writes a new file on the drive and flushes it to the medium before it counts as written. */
async function writeDurably<T>(
  targetFs: TargetFs,
  file: string,
  write: (writer: TargetWriter) => Promise<T>,
): Promise<T> {
  const writer = await targetFs.create(file).catch((error: unknown) => {
    throw driveError(error, file);
  });
  try {
    const result = await write(writer);
    await writer.sync();
    return result;
  } catch (error) {
    throw driveError(error, file);
  } finally {
    await writer.close().catch(() => undefined);
  }
}

async function encryptLocalFile(
  targetFs: TargetFs,
  source: string,
  file: string,
  context: CipherContext,
  index: number,
  hooks: { onBytes: (bytes: number) => void; signal?: AbortSignal },
): Promise<FileDigest> {
  const handle = await fs.open(source, 'r');
  try {
    const { size } = await handle.stat();
    return await writeDurably(targetFs, file, (writer) =>
      encryptStream(fileSource(handle), size, writer, context, index, hooks),
    );
  } finally {
    await handle.close();
  }
}

/**
 * Makes a backup copy: a consistent snapshot of the mirror and the period's printed documents,
 * encrypted with a key from the school's passphrase, written to a temporary folder on the drive,
 * flushed and renamed, then read back completely and checked. The attempt is in the backup
 * register from its first moment; a failure is registered with its reason and then thrown. A
 * passphrase that is not the school's is refused before that: nothing is written or registered.
 * The mirror is only read; a failed attempt leaves nothing on the drive.
 */
export async function createBackup(mirror: Mirror, options: CreateBackupOptions): Promise<BackupResult> {
  assertAllowed(options.actor, 'backup.create');
  assertUsablePassphrase(options.passphrase);
  // Before anything reaches the drive or the register: every way to a backup passes here.
  await assertSchoolPassphrase(mirror, options.passphrase);
  const startedAt = options.clock();
  const backupId = randomUUID();
  const release = claimBackup(backupId);
  try {
    return await makeBackup(mirror, options, backupId, startedAt);
  } finally {
    release();
  }
}

async function makeBackup(
  mirror: Mirror,
  options: CreateBackupOptions,
  backupId: string,
  startedAt: Date,
): Promise<BackupResult> {
  const { actor, clock, passphrase, targetDir } = options;
  const targetFs = options.fs ?? nodeTargetFs;
  const name = backupFolderName(startedAt, backupId);
  const finalDir = path.join(targetDir, name);
  const partialDir = path.join(targetDir, `.${name}.partial`);
  // What an earlier, killed backup left (its plain snapshot above all) goes before this one begins.
  await cleanBackupLeftovers(mirror, { clock, targetDir, workDir: options.workDir });
  const medium = await describeMedium(targetDir);
  // Made before the register line: the folder's name tells a later start this backup is alive.
  // A folder only this user can open (mkdtemp makes it 0700).
  const work = await fs.mkdtemp(
    path.join(options.workDir ?? (await snapshotFolder(mirror.path)), snapshotFolderPrefix(backupId)),
  );
  const removeSnapshot = () => fs.rm(work, { recursive: true, force: true });
  let entry: ReturnType<typeof registerBackupStart>;
  try {
    entry = registerBackupStart(
      mirror,
      {
        backupId,
        path: finalDir,
        periodId: options.periodId ?? null,
        mediumLabel: options.mediumLabel ?? medium.label,
        mediumSerial: medium.serial,
      },
      actor,
      startedAt,
    );
  } catch (error) {
    await removeSnapshot();
    throw error;
  }
  let renamed = false;
  let verifying = false;
  let integrity: Promise<unknown> | undefined;
  // The checking thread starts while the snapshot is taken and is handed the snapshot when it is whole.
  const checker = prepareCheckInWorker(options.integrityCheck ?? 'quick');
  try {
    await assertTargetExists(targetFs, targetDir);
    const scrypt = newScryptParams(options.keyDerivation);
    // Derived on the thread pool while the snapshot is taken and encrypted; only the header needs it.
    const key = inFlight(
      derivePassphraseKey(passphrase, scrypt).then((passphraseKey) => ({ scrypt, passphraseKey })),
    );
    const snapshot = path.join(work, 'snapshot.sqlite');
    await snapshotMirror(mirror, snapshot, (done, total) =>
      options.onProgress?.({ phase: 'snapshot', done, total }),
    );
    const auditHead = snapshotAuditHead(snapshot);
    // The integrity check of the snapshot runs on another core while this one encrypts, writes and reads back.
    integrity = inFlight(checker.run(snapshot, 'the snapshot of the mirror'));
    const written = await encryptAndWrite(
      mirror,
      options,
      targetFs,
      { backupId, partialDir, startedAt, key, dataKey: newDataKey(), auditHead },
      snapshot,
    );
    // The plain copy of the pupils' data lives no longer than its check: not through the read-back.
    void integrity.then(removeSnapshot, removeSnapshot).catch(() => undefined);
    throwIfCancelled(options.signal);
    await targetFs.rename(partialDir, finalDir).catch((error: unknown) => {
      throw driveError(error, finalDir);
    });
    renamed = true;
    await targetFs.syncDir(targetDir).catch((error: unknown) => {
      throw driveError(error, targetDir);
    });
    verifying = true;
    const contents = await readBackup(finalDir, passphrase, {
      fs: targetFs,
      signal: options.signal,
      onProgress: options.onProgress,
      justWritten: await key,
    });
    // The database read back has the snapshot's SHA-256, so the snapshot's integrity check holds for it.
    if (contents.sha256 !== written.sha256 || contents.databaseSha256 !== written.databaseSha256) {
      throw new MoorError('BACKUP_DAMAGED', 'What was read back from the drive is not what was written.', {});
    }
    await integrity;
    const result = {
      path: finalDir,
      bytes: contents.bytes,
      sha256: contents.sha256,
      documents: contents.documents.length,
      auditHead: anchorText(auditHead),
    };
    registerBackupVerified(mirror, entry.id, result, actor, clock());
    return {
      registerId: entry.id,
      registerYear: entry.year,
      registerNumber: entry.number,
      backupId,
      backupPath: finalDir,
      bytes: result.bytes,
      sha256: result.sha256,
      documents: result.documents,
      verified: true,
    };
  } catch (error) {
    const failure = isMoorError(error) ? error : driveError(error, targetDir);
    // A copy that failed is not a copy: take it off the drive so nobody relies on it later.
    await targetFs.remove(renamed ? finalDir : partialDir).catch(() => undefined);
    registerBackupFailed(
      mirror,
      entry.id,
      { code: failure.code, reason: failureDetails(failure), verifiedAt: verifying ? clock() : null },
      actor,
      clock(),
    );
    throw failure;
  } finally {
    // The check reads the snapshot: let it finish before the snapshot is deleted.
    await integrity?.catch(() => undefined);
    checker.dismiss();
    await removeSnapshot();
  }
}

/**
 * A failure as the register keeps it: the details its code is worded with in any language, and the
 * core's own message for the IT person (SQLite's diagnosis of a damaged snapshot, say).
 */
function failureDetails(failure: MoorError): string {
  const details: Record<string, string | number> = { message: failure.message };
  for (const [name, value] of Object.entries(failure.details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') details[name] = value;
  }
  return JSON.stringify(details);
}

async function assertTargetExists(targetFs: TargetFs, targetDir: string): Promise<void> {
  await targetFs.readdir(targetDir).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new MoorError(
        'BACKUP_TARGET_MISSING',
        `The folder ${targetDir} does not exist. Is the drive connected? Pick the folder again.`,
        { targetDir },
      );
    }
    throw driveError(error, targetDir);
  });
}

async function encryptAndWrite(
  mirror: Mirror,
  options: CreateBackupOptions,
  targetFs: TargetFs,
  job: {
    backupId: string;
    partialDir: string;
    startedAt: Date;
    key: Promise<{ scrypt: ScryptParams; passphraseKey: Buffer }>;
    dataKey: Buffer;
    auditHead: AuditAnchor | null;
  },
  snapshot: string,
): Promise<{ sha256: string; databaseSha256: string }> {
  const { onProgress, signal } = options;
  const documents = options.documentsDir === undefined ? [] : await listDocuments(options.documentsDir);
  const sizes = await Promise.all(
    [snapshot, ...documents.map((d) => path.join(options.documentsDir ?? '', d))].map(
      async (f) => (await fs.stat(f)).size,
    ),
  );
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let done = 0;
  const hooks = {
    signal,
    onBytes: (bytes: number) => {
      done += bytes;
      onProgress?.({ phase: 'write', done, total });
    },
  };

  const context = { dataKey: job.dataKey, backupId: job.backupId };
  await targetFs.mkdir(job.partialDir).catch((error: unknown) => {
    throw driveError(error, options.targetDir);
  });
  const file = (index: number) => path.join(job.partialDir, encryptedFileName(index));

  const database = await encryptLocalFile(
    targetFs,
    snapshot,
    file(DATABASE_INDEX),
    context,
    DATABASE_INDEX,
    hooks,
  );
  const documentEntries: BackupManifest['documents'] = [];
  for (const [offset, document] of documents.entries()) {
    const index = FIRST_DOCUMENT_INDEX + offset;
    const source = path.join(options.documentsDir ?? '', document);
    const digest = await encryptLocalFile(targetFs, source, file(index), context, index, hooks);
    documentEntries.push({ index, path: document, ...digest });
  }
  const migrations = mirror.sqlite
    .prepare<[], { name: string }>('SELECT name FROM schema_migration ORDER BY rowid')
    .all()
    .map((row) => row.name);
  const manifest: BackupManifest = {
    backupId: job.backupId,
    createdAt: job.startedAt.toISOString(),
    createdBy: describeActor(options.actor),
    schema: migrations,
    database: { index: DATABASE_INDEX, ...database },
    documents: documentEntries,
    ...(options.documentsDir === undefined ? {} : { documentsDir: path.resolve(options.documentsDir) }),
    auditHead: job.auditHead,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const manifestDigest = await writeDurably(targetFs, file(MANIFEST_INDEX), (writer) =>
    encryptStream(bufferSource(manifestBytes), manifestBytes.length, writer, context, MANIFEST_INDEX),
  );
  const { scrypt, passphraseKey } = await job.key;
  const header = Buffer.from(
    `${JSON.stringify(makeHeader(job.backupId, scrypt, passphraseKey, job.dataKey), null, 2)}\n`,
    'utf8',
  );
  await writeDurably(targetFs, path.join(job.partialDir, HEADER_FILE), (writer) => writer.write(header));
  await targetFs.syncDir(job.partialDir).catch((error: unknown) => {
    throw driveError(error, job.partialDir);
  });
  return { sha256: manifestDigest.encSha256, databaseSha256: database.plainSha256 };
}
