/**
 * One operation in a process of its own, for the crash harness to kill at a random moment. It
 * prints "ready" once everything is loaded and the work is about to start, and "done" at its end.
 * argv: operation, then its parameters as JSON.
 */
import { createBackup } from '../../src/core/backup/create-backup';
import { restoreBackup } from '../../src/core/backup/restore-backup';
import { verifyBackup } from '../../src/core/backup/verify-backup';
import { fixedClock, systemClock } from '../../src/core/clock';
import { startClose } from '../../src/core/close/start-close';
import { openMirror } from '../../src/core/db/mirror';
import { printSchool } from '../../src/core/documents/class-copy/print-school';
import { syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { syncKundoluk } from '../../src/core/mirror/sync-kundoluk';
import { syncWorkbookFile } from '../../src/core/mirror/sync-workbook';
import { crashActor, crashAdmin, type CrashParams } from './crash-operations';

const [operation, json] = process.argv.slice(2);
const params = JSON.parse(json ?? '{}') as CrashParams;
const context = { actor: crashActor, clock: systemClock };

async function run(): Promise<void> {
  if (operation === 'restore') {
    process.stdout.write('ready\n');
    await restoreBackup({
      backupDir: params.backup ?? '',
      dbPath: params.db,
      passphrase: params.passphrase ?? '',
      actor: crashAdmin,
      clock: systemClock,
      reason: 'crash harness',
    });
    return;
  }
  if (operation === 'verify') {
    // Its plain copy goes where the system's temp folder is: here the run's work folder.
    process.env.TMPDIR = params.work;
    process.stdout.write('ready\n');
    await verifyBackup({
      backupDir: params.backup ?? '',
      passphrase: params.passphrase ?? '',
      actor: crashActor,
      clock: systemClock,
    });
    return;
  }
  const mirror = openMirror(params.db);
  process.stdout.write('ready\n');
  if (operation === 'sync-bundle') syncBundleFile(mirror, params.file ?? '', context);
  else if (operation === 'sync-workbook') await syncWorkbookFile(mirror, params.file ?? '', {}, context);
  else if (operation === 'sync-kundoluk' && params.kundoluk !== undefined) {
    const { url, now, ...rest } = params.kundoluk;
    await syncKundoluk(mirror, { baseUrl: url, ...rest }, { actor: crashActor, clock: fixedClock(now) });
  } else if (operation === 'print') {
    await printSchool(mirror, {
      periodId: params.periodId ?? 1,
      ...(params.classIds === undefined ? {} : { classIds: params.classIds }),
      outDir: params.out ?? '',
      workers: 0,
      ...context,
    });
  } else if (operation === 'backup') {
    await createBackup(mirror, {
      targetDir: params.drive ?? '',
      workDir: params.work ?? '',
      passphrase: params.passphrase ?? '',
      keyDerivation: { N: 2 ** 14, r: 8, p: 1 },
      ...context,
    });
  } else if (operation === 'close-start')
    startClose(mirror, { periodId: params.periodId ?? 1 }, crashActor, systemClock);
  else throw new Error(`unknown operation ${String(operation)}`);
  mirror.close();
}

await run();
process.stdout.write('done\n');
