/**
 * `npm run demo`: generates the medium demo school into ./demo-output/ (fresh each run) and runs
 * the whole five-day close of quarter 1 end to end, headless, telling what happened each day.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openMirror } from '../core/db/mirror';
import { createDemoSchool } from '../core/demo/create-demo-school';
import { demoSizes, type DemoSize } from '../core/demo/sizes';
import { isMoorError } from '../core/errors';
import { openLog } from '../core/log/log';
import { processIo } from './command';
import { readPassphraseFile } from './passphrase-file';
import { runDemoClose } from './demo-close';

const DEMO_PASSPHRASE = 'moor-demo-2025';
/** What the demo writes; only these are removed at the start of a run. */
const demoEntries = [
  'mirror.sqlite',
  'mirror.sqlite-wal',
  'mirror.sqlite-shm',
  'checklists',
  'copies',
  'backup-drive',
  'registers',
  'logs',
];

const usage = `Usage: npm run demo -- [--size medium|small|large] [--out DIR] [--passphrase-file FILE]

Generates a demo school and runs the whole five-day quarter-end close of quarter 1 on it:
checks and check lists, overrides, printed copies, a verified encrypted backup, signatures,
a re-print after a correction, certifications, hand-over, director, seal, folder, archive
register, freezing. Everything is written to DIR (default ./demo-output), fresh each run,
with the run's log in DIR/logs.
The backup's passphrase is read from FILE, or is "${DEMO_PASSPHRASE}".`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    processIo.out(usage);
    return 0;
  }
  const size = (values.size ?? 'medium') as DemoSize;
  if (!demoSizes.includes(size)) {
    processIo.err(`--size must be one of ${demoSizes.join(', ')}.`);
    return 2;
  }
  const outDir = path.resolve(values.out ?? 'demo-output');
  const passphraseFile = values['passphrase-file'];
  let passphrase = DEMO_PASSPHRASE;
  try {
    if (passphraseFile !== undefined) passphrase = readPassphraseFile(passphraseFile);
  } catch (error) {
    if (!isMoorError(error)) throw error;
    processIo.err(`Error: ${error.message}`);
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const entry of demoEntries) fs.rmSync(path.join(outDir, entry), { recursive: true, force: true });

  openLog(path.join(outDir, 'logs'));
  const started = performance.now();
  const mirror = openMirror(path.join(outDir, 'mirror.sqlite'), { create: true });
  try {
    const summary = createDemoSchool(mirror, { size });
    const c = summary.counts;
    processIo.out(`Мөөр demo: the quarter-end close of quarter 1 (2025–26) at a generated ${size} school`);
    processIo.out(
      `School  ${c.class} classes, ${c.student.toLocaleString('en-US')} students, ${c.staff} staff; ` +
        `${c.lesson.toLocaleString('en-US')} lessons, ${c.mark.toLocaleString('en-US')} marks, ` +
        `${c.attendance.toLocaleString('en-US')} absences and lates — mirror ${path.relative(process.cwd(), mirror.path)}`,
    );
    processIo.out(
      passphraseFile === undefined
        ? `        backup passphrase: "${DEMO_PASSPHRASE}" (the demo's; give your own with --passphrase-file)`
        : `        backup passphrase read from ${passphraseFile}`,
    );
    await runDemoClose(mirror, { outDir, passphrase }, processIo);
    processIo.out(
      `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Everything is in ${outDir}`,
    );
    return 0;
  } catch (error) {
    if (isMoorError(error)) {
      processIo.err(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    mirror.close();
  }
}

process.exitCode = await main();
