import { fileFormat } from '../../core/app/handlers/export-path';
import { systemClock } from '../../core/clock';
import { openMirror } from '../../core/db/mirror';
import { renderRegister } from '../../core/documents';
import { MoorError } from '../../core/errors';
import { schoolLanguage } from '../../core/settings/school';
import { registerKinds, registerLayout } from '../../core/registers/register-layouts';
import { integerFlag, oneOf, parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';
import { printJson } from '../json-output';

export const registersCommand: CliCommand = {
  name: 'registers',
  summary: 'Print the archive, backup, backup-use or hand-over register to PDF or XLSX',
  usage: `Usage: npm run moor -- registers print --db FILE --kind KIND --out FILE [--year N] [--lang ky|ru] [--json]

  --db FILE     the mirror database
  --kind KIND   archive | backup | backup-use | handover
  --out FILE    FILE.pdf or FILE.xlsx
  --year N      only that calendar year's lines
  --lang ky|ru  the language of the printout (default: the school's)
  --json        print { kind, title, lines, path } as JSON`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      db: { type: 'string' },
      kind: { type: 'string' },
      out: { type: 'string' },
      year: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals[0] !== 'print' || positionals.length !== 1) {
      throw new MoorError('USAGE', 'The registers command does one thing: registers print.');
    }
    const kind = oneOf(requireFlag(values.kind, 'kind'), registerKinds, 'kind');
    const out = requireFlag(values.out, 'out');
    const format = fileFormat(out, ['pdf', 'xlsx'] as const);
    if (format === undefined) {
      throw new MoorError('USAGE', `--out must end in .pdf or .xlsx (got "${out}").`);
    }
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const language =
        values.lang === undefined ? schoolLanguage(mirror) : oneOf(values.lang, ['ky', 'ru'], 'lang');
      const layout = registerLayout(mirror, {
        kind,
        language,
        createdAt: systemClock(),
        year: integerFlag(values.year, 'year'),
      });
      const written = await renderRegister(layout, out, format);
      if (values.json === true)
        printJson(io, { kind, title: layout.title, lines: layout.rows.length, path: written.path });
      else io.out(`${layout.title}: ${layout.rows.length} lines written to ${written.path}`);
      return 0;
    } finally {
      mirror.close();
    }
  },
};
