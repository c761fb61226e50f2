import { createHash } from 'node:crypto';
import path from 'node:path';
import { fixedClock } from '../../src/core/clock';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { tableCounts } from '../../src/core/db/table-counts';
import { deputy } from '../support/actors';

export function context(iso = '2025-11-20T09:00:00Z') {
  return { actor: deputy, clock: fixedClock(iso) };
}

export function emptyMirror(dir: string, name = 'empty.db'): Mirror {
  return openMirror(path.join(dir, name), { create: true });
}

/** A fingerprint of every row of every table: equal fingerprints mean an unchanged mirror. */
export function fingerprint(mirror: Mirror): string {
  const hash = createHash('sha256');
  for (const { table } of tableCounts(mirror)) {
    hash.update(table);
    for (const row of mirror.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw(true).iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}
