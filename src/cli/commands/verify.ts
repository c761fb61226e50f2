import { verifyBackup } from '../../core/backup/verify-backup';
import { systemClock } from '../../core/clock';
import { type Mirror, openMirror } from '../../core/db/mirror';
import { parseFlags, requireFlag } from '../args';
import { commandLineActor } from '../cli-identity';
import type { CliCommand } from '../command';
import { printJson } from '../json-output';
import { readPassphraseFile } from '../passphrase-file';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Read a backup back completely and check every hash and the database',
  usage: `Usage: npm run moor -- verify --backup DIR --passphrase-file FILE [--db FILE] [--reason TEXT] [--json]

  --backup DIR            the backup folder (moor-backup-…)
  --passphrase-file FILE  a file holding the school's backup passphrase
  --db FILE               enter the inspection in this mirror's register of use
  --reason TEXT           why the backup is inspected (default "verification")
  --json                  print what was verified as JSON

The register of use names the computer's user at the command line as the one who inspected it.`,
  async run(args, io) {
    const { values } = parseFlags(args, {
      backup: { type: 'string' },
      'passphrase-file': { type: 'string' },
      db: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean' },
    });
    const backupDir = requireFlag(values.backup, 'backup');
    const passphrase = readPassphraseFile(requireFlag(values['passphrase-file'], 'passphrase-file'));
    const mirror: Mirror | undefined = values.db === undefined ? undefined : openMirror(values.db);
    try {
      const contents = await verifyBackup({
        backupDir,
        passphrase,
        actor: commandLineActor('admin'),
        clock: systemClock,
        mirror,
        reason: values.reason,
      });
      if (values.json === true) {
        printJson(io, { backup: backupDir, whole: true, ...contents });
        return 0;
      }
      io.out(`Backup ${backupDir} is whole:`);
      io.out(`  made ${contents.createdAt} by ${contents.createdBy}`);
      io.out(`  ${contents.files} files, ${contents.bytes.toLocaleString('en-US')} bytes on the drive`);
      io.out(`  database ${contents.databaseBytes.toLocaleString('en-US')} bytes, integrity ok`);
      io.out(`  ${contents.documents.length} documents`);
      io.out(`  sha256 ${contents.sha256}`);
      return 0;
    } finally {
      mirror?.close();
    }
  },
};
