import fs from 'node:fs';
import { restoreBackup } from '../../core/backup/restore-backup';
import { systemClock } from '../../core/clock';
import type { Actor } from '../../core/auth/actor';
import { countUsers } from '../../core/auth/users';
import { openMirror, type Mirror } from '../../core/db/mirror';
import { parseFlags, requireFlag } from '../args';
import { commandLineActor, signedInActor } from '../cli-identity';
import type { CliCommand } from '../command';
import { readPassphraseFile } from '../passphrase-file';

/**
 * A restore replaces all the school's data, so it is the admin's, signed in against the mirror it
 * replaces. A mirror that is missing, cannot be opened or was never set up has no account to sign
 * in against: then the backup's passphrase is the only key, and whoever can damage or replace the
 * file needs no restore to do so.
 */
async function restoringActor(
  dbPath: string,
  login: string | undefined,
  passwordFile: string | undefined,
): Promise<Actor> {
  let current: Mirror | null;
  try {
    current = fs.existsSync(dbPath) ? openMirror(dbPath) : null;
  } catch {
    current = null;
  }
  if (current === null) return commandLineActor('admin');
  try {
    if (countUsers(current) === 0) return commandLineActor('admin');
    return await signedInActor(current, login, passwordFile, 'restore');
  } finally {
    current.close();
  }
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Replace the mirror with a verified backup, keeping the current one as a pre-restore copy',
  usage: `Usage: npm run moor -- restore --backup DIR --db FILE --passphrase-file FILE --reason TEXT
         --user LOGIN --password-file FILE

  --backup DIR            the backup folder (moor-backup-…)
  --db FILE               the mirror database to replace (close Мөөр first)
  --passphrase-file FILE  a file holding the school's backup passphrase
  --reason TEXT           why, for the register of use (e.g. "disk failure")
  --documents-to DIR      also write the backup's printed documents into this folder
  --documents-back        or put them back into the print folder they were backed up from
                          (either way, a file already in a document's place is kept, never overwritten)
  --user LOGIN            an admin of this mirror, who signs in to restore
  --password-file FILE    a file holding that admin's password

A restore replaces all the data, so only an admin who signs in may run it. When the mirror is
missing, cannot be opened or was never set up, there is no account to sign in against: the
backup's passphrase alone restores it, recorded as the computer's user at the command line.
The backup is read and checked completely before anything is replaced. The registers (backups,
archive, hand-over log) of the current mirror are kept in the restored one.`,
  async run(args, io) {
    const { values } = parseFlags(args, {
      backup: { type: 'string' },
      db: { type: 'string' },
      'passphrase-file': { type: 'string' },
      reason: { type: 'string' },
      'documents-to': { type: 'string' },
      'documents-back': { type: 'boolean' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
    });
    const dbPath = requireFlag(values.db, 'db');
    const backupDir = requireFlag(values.backup, 'backup');
    const passphrase = readPassphraseFile(requireFlag(values['passphrase-file'], 'passphrase-file'));
    const reason = requireFlag(values.reason, 'reason');
    const actor = await restoringActor(dbPath, values.user, values['password-file']);
    const result = await restoreBackup({
      backupDir,
      dbPath,
      passphrase,
      reason,
      documentsTo: values['documents-to'],
      documentsWherePrinted: values['documents-back'] === true,
      actor,
      clock: systemClock,
    });
    io.out(`Restored ${result.dbPath} from the backup made ${result.contents.createdAt}.`);
    if (result.preRestorePath !== null) io.out(`  the previous mirror is kept as ${result.preRestorePath}`);
    io.out(`  register lines kept from the previous mirror: ${result.registerRowsCarried}`);
    const { documents, documentsKept, documentsWrittenTo } = result.contents;
    if (documentsWrittenTo !== null) {
      io.out(
        `  printed copies: ${documents.length - documentsKept.length} written to ${documentsWrittenTo}, ` +
          `${documentsKept.length} kept as they were (a file was already there)`,
      );
    }
    io.out(`  sha256 ${result.contents.sha256}`);
    return 0;
  },
};
