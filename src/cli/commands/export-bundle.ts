import { systemClock } from '../../core/clock';
import { openMirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { exportBundleFile } from '../../core/mirror/sync-bundle';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const exportBundleCommand: CliCommand = {
  name: 'export-bundle',
  summary: 'Write the mirror to a Мөөр JSON bundle',
  usage: `Usage: npm run moor -- export-bundle --db FILE --out FILE.json [--from YYYY-MM-DD --to YYYY-MM-DD]

  --db FILE          the mirror database to read
  --out FILE         the bundle to write (docs/bundle.md)
  --from, --to       only the journal entries dated inside (reference data is always whole)`,
  run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    const out = requireFlag(values.out, 'out');
    if ((values.from === undefined) !== (values.to === undefined)) {
      throw new MoorError('USAGE', 'Give both --from and --to, or neither.');
    }
    for (const date of [values.from, values.to]) {
      if (date !== undefined && !DATE.test(date)) {
        throw new MoorError('USAGE', `Dates are YYYY-MM-DD (got "${date}").`);
      }
    }
    const range =
      values.from !== undefined && values.to !== undefined ? { from: values.from, to: values.to } : undefined;
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const result = exportBundleFile(mirror, out, systemClock(), range);
      io.out(`Wrote ${result.rows.toLocaleString('en-US')} rows to ${result.file}`);
      return 0;
    } finally {
      mirror.close();
    }
  },
};
