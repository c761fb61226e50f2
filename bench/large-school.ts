import path from 'node:path';
import { openMirror } from '../src/core/db/mirror';
import { createDemoSchool } from '../src/core/demo/create-demo-school';
import { time } from './measure';

/**
 * Writes the large demo school (3,000 students, ~1M marks) to a file in `dir`, what a benchmark
 * reads when it is given no --db, and returns the file's path.
 */
export function writeLargeSchool(dir: string, file = 'large.sqlite'): string {
  const dbPath = path.join(dir, file);
  const created = time('generate', () => {
    const fresh = openMirror(dbPath, { create: true });
    createDemoSchool(fresh, { size: 'large' });
    fresh.close();
  });
  console.log(`Large demo school written in ${created.timing.seconds.toFixed(1)} s to ${dbPath}`);
  return dbPath;
}
