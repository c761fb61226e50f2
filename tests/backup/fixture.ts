import fs from 'node:fs';
import path from 'node:path';
import { type BackupResult, createBackup } from '../../src/core/backup/create-backup';
import { fixedClock } from '../../src/core/clock';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { isMoorError, type MoorError } from '../../src/core/errors';
import { deputy } from '../support/actors';
import { tempDir } from '../support/temp-dir';
import { writeSmallSchool } from '../support/schools';

export const PASSPHRASE = 'Мектеп-95 резерв көчүрмө';

/** A copy of the small demo school whose name carries `marker`, so a restored mirror can be recognised. */
export function smallMirror(dbPath: string, marker = 'before'): Mirror {
  const mirror = openMirror(writeSmallSchool(dbPath));
  mirror.run(mirror.db.updateTable('school').set({ name_ky: `№95 гимназия (${marker})` }));
  return mirror;
}

export function schoolName(dbPath: string): string {
  const mirror = openMirror(dbPath);
  try {
    return mirror.first(mirror.db.selectFrom('school').select('name_ky'))?.name_ky ?? '';
  } finally {
    mirror.close();
  }
}

/** A cheaper scrypt than production's so the suite stays quick; the round-trip test keeps the default. */
export const testKdf = { N: 2 ** 14, r: 8, p: 1 };

/**
 * A backup of the small demo school with the given printed documents (path under the documents
 * folder → contents), made by the deputy with the test scrypt cost in a new temporary folder.
 */
export async function smallBackup(documents: Record<string, string | Buffer>): Promise<BackupResult> {
  const dir = tempDir();
  const drive = path.join(dir, 'drive');
  const printed = path.join(dir, 'printed');
  fs.mkdirSync(drive);
  for (const [file, contents] of Object.entries(documents)) {
    fs.mkdirSync(path.dirname(path.join(printed, file)), { recursive: true });
    fs.writeFileSync(path.join(printed, file), contents);
  }
  const mirror = smallMirror(path.join(dir, 'mirror.sqlite'));
  try {
    return await createBackup(mirror, {
      targetDir: drive,
      passphrase: PASSPHRASE,
      actor: deputy,
      clock: fixedClock('2026-03-25T09:00:00Z'),
      documentsDir: printed,
      keyDerivation: testKdf,
    });
  } finally {
    mirror.close();
  }
}

/** The MoorError the work fails with; any other error, or none, fails the test. */
export async function failure(work: Promise<unknown>): Promise<MoorError> {
  try {
    await work;
  } catch (error) {
    if (isMoorError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

export async function failureCode(work: Promise<unknown>): Promise<string> {
  return (await failure(work)).code;
}
