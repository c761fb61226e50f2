import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../../src/core/clock';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import { tableCounts } from '../../src/core/db/table-counts';
import { deputy } from '../support/actors';
import { tempDirForFile } from '../support/temp-dir';

export function context(iso = '2025-11-20T09:00:00Z') {
  return { actor: deputy, clock: fixedClock(iso) };
}

let demoTemplate: string | undefined;

/** A fresh copy of the small demo school (generated once per test file). */
export function demoMirror(dir: string, name = 'demo.db'): Mirror {
  if (demoTemplate === undefined) {
    demoTemplate = path.join(tempDirForFile(), 'template.db');
    const template = openMirror(demoTemplate, { create: true });
    createDemoSchool(template, { size: 'small' });
    template.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    template.close();
  }
  const file = path.join(dir, name);
  fs.copyFileSync(demoTemplate, file);
  return openMirror(file);
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
