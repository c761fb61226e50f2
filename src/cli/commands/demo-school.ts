import fs from 'node:fs';
import { openMirror } from '../../core/db/mirror';
import { createDemoSchool } from '../../core/demo/create-demo-school';
import { demoSizes } from '../../core/demo/sizes';
import { MoorError } from '../../core/errors';
import { integerFlag, oneOf, parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';

export const demoSchoolCommand: CliCommand = {
  name: 'demo-school',
  summary: 'Create a mirror database holding a generated school year (2025–26)',
  usage: [
    'Usage: npm run moor -- demo-school --size small|medium|large --db FILE [--seed N]',
    '',
    '  --size    small: 2 classes; medium: ~800 students in 30 classes; large: 3,000 students in 100 classes',
    '  --db      the new database file (must not exist yet)',
    '  --seed    the same seed always gives the same school (default 2025)',
  ].join('\n'),
  run(args, io) {
    const { values } = parseFlags(args, {
      size: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
    });
    const size = oneOf(requireFlag(values.size, 'size'), demoSizes, 'size');
    const path = requireFlag(values.db, 'db');
    if (fs.existsSync(path)) {
      throw new MoorError('USAGE', `${path} already exists; give a new file name (nothing was changed).`);
    }
    const started = performance.now();
    const mirror = openMirror(path, { create: true });
    try {
      const summary = createDemoSchool(mirror, { size, seed: integerFlag(values.seed, 'seed') });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.out(`Demo school (${summary.size}, seed ${summary.seed}) written to ${path} in ${seconds} s:`);
      const width = Math.max(...Object.keys(summary.counts).map((t) => t.length));
      for (const [table, rows] of Object.entries(summary.counts)) {
        io.out(`  ${table.padEnd(width)}  ${rows.toLocaleString('en-US')}`);
      }
      io.out(`  ${'total'.padEnd(width)}  ${summary.rows.toLocaleString('en-US')} rows`);
      mirror.close();
      return 0;
    } catch (error) {
      mirror.close();
      for (const file of [path, `${path}-wal`, `${path}-shm`]) fs.rmSync(file, { force: true });
      throw error;
    }
  },
};
