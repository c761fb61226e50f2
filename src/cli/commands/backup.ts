import { createBackup } from '../../core/backup/create-backup';
import { systemClock } from '../../core/clock';
import { openMirror } from '../../core/db/mirror';
import { integerFlag, parseFlags, requireFlag } from '../args';
import { commandLineActor } from '../cli-identity';
import type { CliCommand } from '../command';
import { readPassphraseFile } from '../passphrase-file';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Make an encrypted, verified backup of the mirror on a drive and register it',
  usage: `Usage: npm run moor -- backup --db FILE --to DIR --passphrase-file FILE [options]

  --db FILE               the mirror database
  --to DIR                the folder on the backup drive; the backup is a new folder inside it
  --passphrase-file FILE  a file holding the school's backup passphrase (one line); any other
                          passphrase is refused before anything is written
  --documents DIR         a folder of the period's printed copies to include
  --label TEXT            the drive's label for the register (default: what the system reports)
  --period ID             the reporting period the backup is made for
  --full-check            check the snapshot with SQLite's integrity_check (indexes against their
                          tables too, about four times as long) instead of its quick_check

Exit code 0 only when the backup was written, read back and verified; a failed attempt is
registered as failed with its reason. The register names the computer's user at the command line,
doing the IT person's backup (scheduled or by hand).`,
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      to: { type: 'string' },
      'passphrase-file': { type: 'string' },
      documents: { type: 'string' },
      label: { type: 'string' },
      period: { type: 'string' },
      'full-check': { type: 'boolean' },
    });
    const targetDir = requireFlag(values.to, 'to');
    const passphrase = readPassphraseFile(requireFlag(values['passphrase-file'], 'passphrase-file'));
    const mirror = openMirror(requireFlag(values.db, 'db'));
    try {
      const result = await createBackup(mirror, {
        targetDir,
        passphrase,
        actor: commandLineActor('admin'),
        clock: systemClock,
        documentsDir: values.documents,
        mediumLabel: values.label,
        periodId: integerFlag(values.period, 'period'),
        integrityCheck: values['full-check'] === true ? 'full' : 'quick',
      });
      io.out(`Backup № ${result.registerNumber}/${result.registerYear} written and verified:`);
      io.out(`  ${result.backupPath}`);
      io.out(`  ${result.bytes.toLocaleString('en-US')} bytes, ${result.documents} documents`);
      io.out(`  sha256 ${result.sha256}`);
      return 0;
    } finally {
      mirror.close();
    }
  },
};
