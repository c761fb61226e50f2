import { openMirror } from '../../core/db/mirror';
import { tableCounts } from '../../core/db/table-counts';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Count the rows of every table in a mirror database',
  usage: 'Usage: npm run moor -- info --db FILE\n\n  --db FILE   the mirror database to read',
  run(args, io) {
    const { values } = parseFlags(args, { db: { type: 'string' } });
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const counts = tableCounts(mirror);
      const width = Math.max(...counts.map((c) => c.table.length));
      io.out(`Mirror ${mirror.path}`);
      for (const { table, rows } of counts)
        io.out(`  ${table.padEnd(width)}  ${rows.toLocaleString('en-US')}`);
      return 0;
    } finally {
      mirror.close();
    }
  },
};
