import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished, TestRunner } from 'vitest';

const underVitest = process.env.VITEST === 'true';
const forTheRun: string[] = [];

function removeAll(): void {
  for (const dir of forTheRun.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

// Under vitest this is registered when a test file first imports this module, so it runs after
// that file's own afterAll hooks (vitest runs them last-registered first): mirrors are closed and
// drives unmounted before their folders go. A benchmark is a plain process: its folders go at exit.
if (underVitest) afterAll(removeAll);
else process.on('exit', removeAll);

function make(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh folder under the system temp dir, always removed: at the end of the test that made it
 * (its beforeEach included); when made outside a test (beforeAll, describe, module scope), after
 * the test file's last test; in a benchmark, when its process exits.
 */
export function tempDir(prefix = 'moor-'): string {
  const dir = make(prefix);
  if (underVitest && TestRunner.getCurrentTest()) {
    onTestFinished(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });
  } else {
    forTheRun.push(dir);
  }
  return dir;
}

/**
 * A fresh folder kept until the test file's last test even when made inside a test: for what the
 * file's tests share, such as a school generated once and copied for each test.
 */
export function tempDirForFile(prefix = 'moor-'): string {
  const dir = make(prefix);
  forTheRun.push(dir);
  return dir;
}
