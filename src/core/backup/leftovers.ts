import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../auth/actor';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { listBackupRegister, registerBackupFailed } from '../registers/backup-register';
import { restoringProcess } from './restoring-file';
import { MEMORY_FOLDER } from './snapshot-folder';

/**
 * What a killed backup or print leaves behind, and how it is found again: the plain snapshot's
 * work folder is named after the process and the backup ("…-<pid>-<backup id>-XXXXXX"), so a later
 * start tells a folder whose process is gone from one a running backup still uses.
 */
export const SNAPSHOT_PREFIX = '.moor-backup-';

export function snapshotFolderPrefix(backupId: string): string {
  return `${SNAPSHOT_PREFIX}${process.pid}-${backupId.slice(0, 8)}-`;
}

/**
 * A verification decrypts the backup's database into a folder of its own ("….moor-verify-<pid>-XXXXXX",
 * in the system's temp folder unless told otherwise): the pupils' data in plain, which a killed
 * verification would leave behind.
 */
export const VERIFY_PREFIX = '.moor-verify-';

export function verifyFolderPrefix(): string {
  return `${VERIFY_PREFIX}${process.pid}-`;
}

/** What was found left behind and put in order. */
export interface Cleaned {
  /** Plain snapshots of the mirror, and plain copies a verification decrypted, removed. */
  snapshots: string[];
  /** Backup register lines ("№ number/year") that were still "writing" and are now interrupted. */
  interrupted: string[];
  /** Unfinished backup folders removed from drives. */
  partialBackups: string[];
  /** Half-written printed files removed. */
  partialFiles: string[];
}

/** Backups this process is making now, whatever folder their snapshot is in. */
const running = new Set<string>();

/** Marks a backup as being made by this process until `done` is called. */
export function claimBackup(backupId: string): () => void {
  running.add(backupId.slice(0, 8));
  return () => running.delete(backupId.slice(0, 8));
}

const system: Actor = { userId: 'system', name: 'Мөөр', role: 'admin' };

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const SNAPSHOT_NAME = /^\.moor-backup-(\d+)-([0-9a-f]{8})-/;

/** Backups still being made by a live process, by the first 8 characters of their id. */
async function liveSnapshots(folders: readonly string[]): Promise<{ live: Set<string>; stale: string[] }> {
  const live = new Set<string>();
  const stale: string[] = [];
  for (const folder of new Set(folders)) {
    const entries = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of entries) {
      if (!name.startsWith(SNAPSHOT_PREFIX) || name.endsWith('.partial')) continue;
      const match = SNAPSHOT_NAME.exec(name);
      if (match !== null && isAlive(Number(match[1]))) live.add(match[2] as string);
      else stale.push(path.join(folder, name));
    }
  }
  return { live, stale };
}

const VERIFY_NAME = /^\.moor-verify-(\d+)-/;
/** An earlier version named no process: its copy is surely abandoned once a day old. */
const UNNAMED_COPY_AGE_MS = 24 * 3_600_000;

/** Verification copies whose process is gone. */
async function staleVerifyCopies(folders: readonly string[]): Promise<string[]> {
  const stale: string[] = [];
  for (const folder of new Set(folders)) {
    const entries = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of entries) {
      if (!name.startsWith(VERIFY_PREFIX)) continue;
      const copy = path.join(folder, name);
      const match = VERIFY_NAME.exec(name);
      if (match !== null) {
        if (!isAlive(Number(match[1]))) stale.push(copy);
        continue;
      }
      const changed = await fs.stat(copy).then(
        (s) => s.mtimeMs,
        () => Date.now(),
      );
      if (Date.now() - changed > UNNAMED_COPY_AGE_MS) stale.push(copy);
    }
  }
  return stale;
}

/** Removes what killed verifications left in these folders; runs before every verification. */
export async function cleanVerifyCopies(folders: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  await removeAll(await staleVerifyCopies(folders), removed);
  return removed;
}

function snapshotFolders(mirrorPath: string, extra: readonly string[]): string[] {
  const folders = [...extra];
  if (mirrorPath !== ':memory:') folders.push(path.dirname(path.resolve(mirrorPath)));
  if (process.platform === 'linux') folders.push(MEMORY_FOLDER);
  return folders;
}

const partialOf = (finalDir: string) =>
  path.join(path.dirname(finalDir), `.${path.basename(finalDir)}.partial`);
const PARTIAL_BACKUP = /^\.moor-backup-.*-([0-9a-f]{8})\.partial$/;

async function removeAll(paths: readonly string[], into: string[]): Promise<void> {
  for (const p of paths) {
    const gone = await fs.rm(p, { recursive: true, force: true }).then(
      () => true,
      () => false,
    );
    if (gone) into.push(p);
  }
}

/**
 * Puts in order what a backup killed midway left: its plain snapshot (children's data, unencrypted)
 * is removed, and so is the plain copy of a killed verification, its register line still "writing" becomes interrupted with the time, and its
 * unfinished folder is removed from the drive when the drive is there (else the next backup to
 * that drive removes it). A backup a live process is still making is left alone. Runs at every
 * start and before every backup.
 */
export async function cleanBackupLeftovers(
  mirror: Mirror,
  options: { clock: Clock; targetDir?: string; workDir?: string },
): Promise<Cleaned> {
  const cleaned: Cleaned = { snapshots: [], interrupted: [], partialBackups: [], partialFiles: [] };
  const extra = options.workDir === undefined ? [] : [options.workDir];
  const folders = snapshotFolders(mirror.path, extra);
  const { live, stale } = await liveSnapshots(folders);
  const verifyCopies = await staleVerifyCopies([...folders, os.tmpdir()]);
  await removeAll([...stale, ...verifyCopies, ...(await killedRestores(mirror.path))], cleaned.snapshots);
  for (const id of running) live.add(id);
  const isLive = (backupId: string) => live.has(backupId.slice(0, 8));
  const lines = listBackupRegister(mirror);
  // A copy whose check never ended is not a copy: even when its folder was renamed, it goes.
  const unchecked: string[] = [];
  for (const line of lines) {
    if (line.status !== 'writing' || isLive(line.backup_id)) continue;
    mirror.transaction(() => {
      registerBackupFailed(
        mirror,
        line.id,
        { code: 'BACKUP_INTERRUPTED', reason: '{}', verifiedAt: null },
        system,
        options.clock(),
      );
    });
    cleaned.interrupted.push(`${line.number}/${line.year}`);
    unchecked.push(line.path);
  }
  const partials = lines
    .filter((line) => line.status !== 'verified' && !isLive(line.backup_id))
    .map((line) => partialOf(line.path));
  partials.push(...unchecked);
  if (options.targetDir !== undefined) {
    const entries = await fs.readdir(options.targetDir).catch(() => [] as string[]);
    for (const name of entries) {
      const match = PARTIAL_BACKUP.exec(name);
      if (match !== null && !live.has(match[1] as string)) partials.push(path.join(options.targetDir, name));
    }
  }
  const present: string[] = [];
  for (const p of new Set(partials))
    if (
      await fs.stat(p).then(
        () => true,
        () => false,
      )
    )
      present.push(p);
  await removeAll(present, cleaned.partialBackups);
  return cleaned;
}

/** The half-written database of a restore killed before it took the mirror's place. */
async function killedRestores(mirrorPath: string): Promise<string[]> {
  if (mirrorPath === ':memory:') return [];
  const folder = path.dirname(path.resolve(mirrorPath));
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  return entries
    .filter((name) => {
      const pid = restoringProcess(mirrorPath, name);
      return pid !== null && !isAlive(pid);
    })
    .map((name) => path.join(folder, name));
}

const PART_FILE = /\.(\d+)\.part$/;

/** Removes printed files a killed print left half-written ("….pdf.<pid>.part") in a folder and below. */
export async function cleanPartialFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const stale = entries
    .filter((entry) => entry.isFile())
    .map((entry) => ({ entry, match: PART_FILE.exec(entry.name) }))
    .filter(({ match }) => match !== null && !isAlive(Number(match[1])))
    .map(({ entry }) => path.join(entry.parentPath, entry.name));
  const removed: string[] = [];
  await removeAll(stale, removed);
  return removed;
}

/** Everything a crash may have left, put in order at start: backups and the default print folder. */
export async function cleanLeftoversAtStart(
  mirror: Mirror,
  options: { clock: Clock; printFolder: string },
): Promise<Cleaned> {
  const cleaned = await cleanBackupLeftovers(mirror, { clock: options.clock });
  cleaned.partialFiles = await cleanPartialFiles(options.printFolder);
  return cleaned;
}
