import { openMirror } from '../../core/db/mirror';
import { tableCounts } from '../../core/db/table-counts';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';
import { printJson } from '../json-output';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Count the rows of every table in a mirror database',
  usage:
    'Usage: npm run moor -- info --db FILE [--json]\n\n  --db FILE   the mirror database to read\n  --json      print { mirror, tables: [{ table, rows }] } as JSON',
  run(args, io) {
    const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const counts = tableCounts(mirror);
      if (values.json === true) {
        printJson(io, { mirror: mirror.path, tables: counts });
        return 0;
      }
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
