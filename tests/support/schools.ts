import fs from 'node:fs';
import path from 'node:path';
import { openMirror, type Mirror } from '../../src/core/db/mirror';
import { createDemoSchool } from '../../src/core/demo/create-demo-school';
import type { DemoSize } from '../../src/core/demo/sizes';
import { tempDir, tempDirForFile } from './temp-dir';

let smallTemplate: string | undefined;

/**
 * Writes the small demo school (8А in Kyrgyz, 5Б in Russian, the whole 2025–26 year) to `file` and
 * returns its path. The school is generated once per test file (or benchmark) and copied, so each
 * caller gets a school of its own at the cost of a file copy.
 */
export function writeSmallSchool(file: string): string {
  if (smallTemplate === undefined) {
    const template = path.join(tempDirForFile(), 'small-school.sqlite');
    const mirror = openMirror(template, { create: true });
    createDemoSchool(mirror, { size: 'small' });
    // A rollback-journal file has nothing in a -wal file beside it: copying the one file copies all.
    mirror.sqlite.pragma('journal_mode = DELETE');
    mirror.close();
    smallTemplate = template;
  }
  fs.copyFileSync(smallTemplate, file);
  return file;
}

/** Writes a demo school of `size` (the medium one: thirty classes) to `file`, generated afresh; returns its path. */
export function writeDemoSchool(file: string, size: DemoSize): string {
  const mirror = openMirror(file, { create: true });
  createDemoSchool(mirror, { size });
  mirror.sqlite.pragma('journal_mode = DELETE');
  mirror.close();
  return file;
}

/** A fresh small demo school, opened; in a new temporary folder unless `file` says where. */
export function openSmallSchool(file = path.join(tempDir(), 'mirror.sqlite')): Mirror {
  return openMirror(writeSmallSchool(file));
}
