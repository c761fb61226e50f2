import { openMirror } from '../../core/db/mirror';
import { checkCopy } from '../../core/documents/records/check-copy';
import { MoorError } from '../../core/errors';
import type { CopyCheckView } from '../../shared/document-views';
import { parseFlags, requireFlag } from '../args';
import type { CliCommand } from '../command';
import { printJson } from '../json-output';

export const checkCopyCommand: CliCommand = {
  name: 'check-copy',
  summary: 'Check a paper page against the records by the code on it (or its scanned QR code)',
  usage: `Usage: npm run moor -- check-copy --db FILE CODE [--json]

  CODE        the code under the page's footer line ("ID · HASH", the page number may follow)
              or the text of its QR code ("ID|HASH|PAGE"); quote it in the shell
  --db FILE   the mirror database to read
  --json      print the answer as JSON

Says which printed document and page it is, whether that copy is in force, superseded (by which)
or voided, whether the journal data changed since it was printed, and its archive register line.`,
  run(args, io) {
    const { values, positionals } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const code = positionals.join(' ').trim();
    if (code === '')
      throw new MoorError('USAGE', 'Give the code printed on the page (or scanned from its QR code).');
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const check = checkCopy(mirror, code);
      if (values.json === true) printJson(io, check);
      else for (const line of describeCheck(check)) io.out(line);
      return 0;
    } finally {
      mirror.close();
    }
  },
};

const kinds: Record<CopyCheckView['kind'], string> = {
  class_copy: 'class journal copy',
  year_summary: 'year-end summary sheet',
  register: 'register',
};
const periodKinds = { quarter: 'quarter', half_year: 'half-year', year: 'year' } as const;

function describeCheck(check: CopyCheckView): string[] {
  const page = check.page === null ? `${check.pages} pages` : `page ${check.page} of ${check.pages}`;
  const of = [
    check.className === null ? null : `class ${check.className}`,
    check.period === null ? null : `${periodKinds[check.period.kind]} ${check.period.number}`,
    check.academicYear,
  ].filter((part) => part !== null);
  const status =
    check.status === 'current'
      ? 'current: the copy in force'
      : check.status === 'voided'
        ? 'voided: printed for a close that was cancelled'
        : `superseded by ${check.supersededBy ?? '?'}${check.currentId !== null && check.currentId !== check.supersededBy ? `; the copy in force is ${check.currentId}` : ''}`;
  const archive = check.archive;
  return [
    `${check.documentId}, ${page}: ${kinds[check.kind]}${of.length > 0 ? ` of ${of.join(', ')}` : ''} (${check.language === 'ky' ? 'Kyrgyz' : 'Russian'} edition)`,
    `Status:   ${status}`,
    `Printed:  ${check.printedAt}; journal data as of ${check.dataAsOf ?? 'an unrecorded time'}`,
    `Changes:  ${check.changesSincePrint === 0 ? 'none seen in the journal since printing' : `${check.changesSincePrint} journal ${check.changesSincePrint === 1 ? 'entry' : 'entries'} changed since printing`}`,
    `Archive:  ${
      archive === null
        ? 'not in the archive register yet'
        : [
            `register no. ${archive.number}/${archive.year}`,
            archive.folderNumber === null ? 'no folder yet' : `folder ${archive.folderNumber}`,
            archive.stitched ? 'stitched' : 'not stitched yet',
            archive.storagePlace === null ? null : `kept in ${archive.storagePlace}`,
            archive.retentionUntil === null ? null : `until ${archive.retentionUntil}`,
          ]
            .filter((part) => part !== null)
            .join(', ')
    }`,
  ];
}
