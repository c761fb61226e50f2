/**
 * One import of a bundle file, in a process of its own so that its peak memory is its own: `raw`
 * (a prepared INSERT per row into a new mirror), `bulk` (Мөөр's sync into a new mirror) or `diff`
 * (Мөөр's sync into a copy of a mirror that already holds the year). Prints seconds and peak MB.
 */
import fs from 'node:fs';
import { fixedClock } from '../src/core/clock';
import { openMirror } from '../src/core/db/mirror';
import { journalTables } from '../src/core/db/journal-tables';
import type { Bundle } from '../src/core/mirror/bundle/format';
import { syncBundleFile } from '../src/core/mirror/sync-bundle';
import { deputy } from '../tests/support/actors';

const [mode, file, target, holding] = process.argv.slice(2);
if ((mode !== 'raw' && mode !== 'bulk' && mode !== 'diff') || !file || !target) {
  throw new Error('usage: sync-import-child raw|bulk|diff BUNDLE TARGET [HOLDING]');
}
if (mode === 'diff') fs.copyFileSync(holding ?? '', target);
const mirror = openMirror(target, { create: mode !== 'diff' });
const started = performance.now();
let changed = 0;
if (mode === 'raw') {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as Bundle;
  mirror.sqlite.transaction(() => {
    for (const table of journalTables) {
      const { columns, rows } = bundle.tables[table];
      if (rows.length === 0) continue;
      const statement = mirror.sqlite.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
      );
      for (const row of rows) statement.run(row);
    }
  })();
} else {
  const result = syncBundleFile(mirror, file, { actor: deputy, clock: fixedClock('2026-05-30T09:00:00Z') });
  changed = result.added + result.changed + result.removed;
}
const seconds = (performance.now() - started) / 1000;
mirror.close();
process.stdout.write(
  JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, changed }) + '\n',
);
