/**
 * Another program with the mirror open: opens it, empties its WAL, says "open" and waits for a
 * line on stdin; then writes once more and reports whether the write reached the file at the path.
 * argv: dbPath
 */
import { openMirror } from '../../src/core/db/mirror';

const [dbPath] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: open-writer-child dbPath');
const mirror = openMirror(dbPath);
mirror.sqlite.pragma('wal_checkpoint(TRUNCATE)');
process.stdout.write('open\n');
process.stdin.once('data', () => {
  mirror.sqlite.prepare("UPDATE school SET name_ru = 'written by the other program'").run();
  mirror.close();
  process.stdout.write('wrote\n');
  process.exit(0);
});
