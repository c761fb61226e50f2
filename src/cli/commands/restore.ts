import { restoreBackup } from '../../core/backup/restore-backup';
import { systemClock } from '../../core/clock';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';
import { readPassphraseFile } from '../passphrase-file';
import { backupCliActor } from './backup';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Replace the mirror with a verified backup, keeping the current one as a pre-restore copy',
  usage: `Usage: npm run moor -- restore --backup DIR --db FILE --passphrase-file FILE --reason TEXT

  --backup DIR            the backup folder (moor-backup-…)
  --db FILE               the mirror database to replace (close Мөөр first)
  --passphrase-file FILE  a file holding the school's backup passphrase
  --reason TEXT           why, for the register of use (e.g. "disk failure")
  --documents-to DIR      also write the backup's printed documents into this new folder
  --as NAME               who restores (default "IT (command line)")

The backup is read and checked completely before anything is replaced. The registers (backups,
archive, hand-over log) of the current mirror are kept in the restored one.`,
  async run(args, io) {
    const { values } = parseFlags(args, {
      backup: { type: 'string' },
      db: { type: 'string' },
      'passphrase-file': { type: 'string' },
      reason: { type: 'string' },
      'documents-to': { type: 'string' },
      as: { type: 'string' },
    });
    const result = await restoreBackup({
      backupDir: requireFlag(values.backup, 'backup'),
      dbPath: requireFlag(values.db, 'db'),
      passphrase: readPassphraseFile(requireFlag(values['passphrase-file'], 'passphrase-file')),
      reason: requireFlag(values.reason, 'reason'),
      documentsTo: values['documents-to'],
      actor: backupCliActor(values.as),
      clock: systemClock,
    });
    io.out(`Restored ${result.dbPath} from the backup made ${result.contents.createdAt}.`);
    if (result.preRestorePath !== null) io.out(`  the previous mirror is kept as ${result.preRestorePath}`);
    io.out(`  register lines kept from the previous mirror: ${result.registerRowsCarried}`);
    io.out(`  sha256 ${result.contents.sha256}`);
    return 0;
  },
};
