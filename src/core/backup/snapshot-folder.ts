import fs from 'node:fs/promises';
import path from 'node:path';

/** Linux's folder in memory, present on every distribution. */
export const MEMORY_FOLDER = '/dev/shm';

async function fileBytes(file: string): Promise<number> {
  return (await fs.stat(file).catch(() => undefined))?.size ?? 0;
}

/**
 * Where the plain snapshot of the mirror lies while it is encrypted. Where the system offers a
 * folder in memory (Linux's /dev/shm) with room for twice the mirror, there: the plain copy of the
 * pupils' data never reaches a disk, and the backup need not write and flush the whole mirror to
 * one. Otherwise the mirror's own folder, protected as the mirror itself is.
 */
export async function snapshotFolder(mirrorPath: string): Promise<string> {
  const beside = path.dirname(path.resolve(mirrorPath));
  if (process.platform !== 'linux' || mirrorPath === ':memory:') return beside;
  const space = await fs.statfs(MEMORY_FOLDER).catch(() => undefined);
  if (space === undefined) return beside;
  const needed = (await fileBytes(mirrorPath)) + (await fileBytes(`${mirrorPath}-wal`));
  return space.bavail * space.bsize >= 2 * needed ? MEMORY_FOLDER : beside;
}
