import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AuditAnchor } from '../audit/anchor';
import type { Mirror } from '../db/mirror';

/**
 * Pages copied per step of SQLite's online backup (4 KiB pages: 256 MiB a step). Each step is a
 * transaction on the copy with its own journal and flush, so few large steps are much faster.
 */
const PAGES_PER_STEP = 65536;

/** Read through memory-mapped pages: a third less work than a system call for every page. */
const SNAPSHOT_MMAP_BYTES = 2 ** 40;

/**
 * A consistent copy of the open mirror through SQLite's online backup, taken while the app keeps
 * working, then made self-contained (rollback journal, no -wal file beside it). It is read over a
 * connection of its own, which sees exactly what the mirror's connection has committed.
 */
export async function snapshotMirror(
  mirror: Mirror,
  destination: string,
  onPages?: (done: number, total: number) => void,
): Promise<number> {
  // A mirror held only in memory (tests) has no file to open a second connection on.
  const source =
    mirror.path === ':memory:'
      ? mirror.sqlite
      : new Database(mirror.path, { readonly: true, fileMustExist: true });
  try {
    source.pragma(`mmap_size = ${SNAPSHOT_MMAP_BYTES}`);
    await source.backup(destination, {
      progress({ totalPages, remainingPages }) {
        onPages?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
  } finally {
    if (source !== mirror.sqlite) source.close();
  }
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return (await fs.stat(destination)).size;
}

/** The audit chain's head the snapshot holds, which the backup's manifest keeps. */
export function snapshotAuditHead(file: string): AuditAnchor | null {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const head = copy
      .prepare<[], AuditAnchor>('SELECT last_id AS id, last_hash AS hash FROM audit_head')
      .get();
    return head ?? null;
  } finally {
    copy.close();
  }
}

/** Files of a folder of printed documents, as sorted paths relative to it with '/' separators. */
export async function listDocuments(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
