/**
 * Runs one restore in its own process and kills itself with SIGKILL at the named step, so the test
 * can look at what a power cut or a killed process leaves behind.
 * argv: backupDir dbPath passphrase dieAt ('verify' | a RestoreStep | 'never')
 */
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { systemClock } from '../../src/core/clock';
import { admin } from '../support/actors';

const [backupDir, dbPath, passphrase, dieAt] = process.argv.slice(2);
if (backupDir === undefined || dbPath === undefined || passphrase === undefined || dieAt === undefined) {
  throw new Error('usage: restore-child backupDir dbPath passphrase dieAt');
}
const die = () => process.kill(process.pid, 'SIGKILL');
process.stdout.write('started\n');
await restoreBackup({
  backupDir,
  dbPath,
  passphrase,
  actor: admin,
  clock: systemClock,
  reason: 'restore under test',
  onProgress: (progress) => {
    if (dieAt === 'verify' && progress.done > 0) die();
  },
  onStep: (step) => {
    if (step === dieAt) die();
  },
});
process.stdout.write('restored\n');
