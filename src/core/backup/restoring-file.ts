import { randomBytes } from 'node:crypto';
import path from 'node:path';

const RESTORING = /\.restoring-(\d+)-[0-9a-f]+(-journal|-wal|-shm)?$/;

/**
 * Where a restore decrypts the backup before it takes the mirror's place: beside the mirror, named
 * after the process, so a later start can tell the file of a killed restore from a live one.
 */
export function restoringPath(mirrorPath: string): string {
  return `${mirrorPath}.restoring-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * The process whose restore left `fileName` (a file in the mirror's folder: the database or its
 * journal, WAL or shared memory), or null when the name is not a restore's file of this mirror.
 */
export function restoringProcess(mirrorPath: string, fileName: string): number | null {
  if (!fileName.startsWith(`${path.basename(mirrorPath)}.restoring-`)) return null;
  const match = RESTORING.exec(fileName);
  return match ? Number(match[1]) : null;
}
