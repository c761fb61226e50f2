import { systemClock } from '../../core/clock';
import type { Mirror } from '../../core/db/mirror';
import { openMirror } from '../../core/db/mirror';
import { printSchool } from '../../core/documents/class-copy/print-school';
import { printYearSummaries } from '../../core/documents/year-summary/print-year-summaries';
import { summaryClasses, summaryYear } from '../../core/documents/year-summary/summary-years';
import { MoorError } from '../../core/errors';
import { oneOf, parseFlags, requireFlag } from '../args';
import type { CliCommand, CliIo } from '../command';
import { commandLineActor } from '../cli-identity';

const usage = `Usage: npm run moor -- print --db FILE --period N [--class 8А] [--lang ky|ru] --out DIR
       npm run moor -- print --db FILE --summary [--year 2025-2026] [--class 8А] [--lang ky|ru] [--draft] --out DIR

Prints the class paper copies of a period: one PDF and one XLSX per class (grades 2-11) and one
merged PDF for the print shop. Each copy is recorded with its SHA-256; unchanged data prints the
recorded copy again, byte for byte.

  --db FILE      the mirror database
  --period N     1-4 for a quarter, H1 or H2 for a half-year, Y for the year (latest academic year)
  --summary      print the year-end summary sheets (жыйынтык ведомость) instead of the copies
  --year LABEL   with --summary: the school year, e.g. 2025-2026 (default: the latest with classes)
  --draft        with --summary: print a class whose finals are not all given as a draft (marked
                 across every page, without the director's block), instead of refusing the print
  --class NAME   only this class, e.g. 8А (repeatable)
  --lang ky|ru   the edition (default: each class's language of instruction, for the copies and
                 the summary sheets alike)
  --out DIR      where the files are written
  --workers N    threads rendering the workbooks while the PDFs are drawn (default 1 for several
                 classes, 0 for one; with 0 the workbooks follow the PDFs)

The copies are recorded as printed by the computer's user at the command line, doing a deputy's print.`;

/** "2" is the second quarter, "H1" the first half-year, "Y" the year, in the latest academic year. */
function findPeriod(mirror: Mirror, text: string): number {
  const upper = text.trim().toUpperCase();
  const kind = upper === 'Y' ? 'year' : upper.startsWith('H') ? 'half_year' : 'quarter';
  const number = kind === 'year' ? 1 : Number(kind === 'half_year' ? upper.slice(1) : upper);
  if (!Number.isInteger(number))
    throw new MoorError('USAGE', `--period must be 1-4, H1, H2 or Y (got "${text}").`);
  const period = mirror.first(
    mirror.db
      .selectFrom('reporting_period as p')
      .innerJoin('academic_year as y', 'y.id', 'p.academic_year_id')
      .select('p.id')
      .where('p.kind', '=', kind)
      .where('p.number', '=', number)
      .orderBy('y.starts_on', 'desc')
      .limit(1),
  );
  if (!period) throw new MoorError('PERIOD_NOT_FOUND', `The mirror has no period "${text}".`);
  return period.id;
}

async function printSummaries(
  mirror: Mirror,
  values: {
    year?: string | undefined;
    class?: string[] | undefined;
    lang?: string | undefined;
    out?: string | undefined;
    draft?: boolean | undefined;
  },
  io: CliIo,
): Promise<number> {
  const year = summaryYear(mirror, values.year);
  const classes = summaryClasses(mirror, year.id);
  const classIds =
    values.class === undefined
      ? null
      : values.class.map((name) => {
          const wanted = name.replace(/\s+/g, '').toUpperCase();
          const found = classes.find((c) => c.name.toUpperCase() === wanted);
          if (!found) throw new MoorError('CLASS_NOT_FOUND', `No class "${name}" in ${year.label}.`);
          return found.id;
        });
  const printed = await printYearSummaries(mirror, {
    academicYearId: year.id,
    classIds,
    outDir: requireFlag(values.out, 'out'),
    actor: commandLineActor('deputy'),
    clock: systemClock,
    draftWhenIncomplete: values.draft === true,
    ...(values.lang === undefined ? {} : { language: oneOf(values.lang, ['ky', 'ru'] as const, 'lang') }),
  });
  for (const sheet of printed) {
    const draft = sheet.missingFinals > 0 ? `  DRAFT: ${sheet.missingFinals} finals missing` : '';
    io.out(
      `${sheet.documentId}  ${sheet.pages} p.  sha256 ${sheet.sha256.slice(0, 16)}…  ${sheet.pdfPath}${draft}`,
    );
  }
  return 0;
}

function findClasses(mirror: Mirror, periodId: number, names: readonly string[]): number[] {
  return names.map((name) => {
    const match = /^(\d{1,2})\s*(.+)$/.exec(name.trim());
    const found =
      match &&
      mirror.first(
        mirror.db
          .selectFrom('class as c')
          .innerJoin('reporting_period as p', 'p.academic_year_id', 'c.academic_year_id')
          .select('c.id')
          .where('p.id', '=', periodId)
          .where('c.grade', '=', Number(match[1]))
          .where('c.letter', '=', (match[2] ?? '').toUpperCase()),
      );
    if (!found) throw new MoorError('CLASS_NOT_FOUND', `No class "${name}" in that academic year.`);
    return found.id;
  });
}

export const printCommand: CliCommand = {
  name: 'print',
  summary: 'Print the class paper copies of a period (PDF + XLSX per class, one merged PDF)',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      period: { type: 'string' },
      class: { type: 'string', multiple: true },
      lang: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      summary: { type: 'boolean' },
      draft: { type: 'boolean' },
      year: { type: 'string' },
    });
    const mirror = openMirror(requireFlag(values.db, 'db'));
    try {
      if (values.summary === true) return await printSummaries(mirror, values, io);
      const periodId = findPeriod(mirror, requireFlag(values.period, 'period'));
      const classIds = values.class === undefined ? undefined : findClasses(mirror, periodId, values.class);
      const workers = values.workers === undefined ? undefined : Number(values.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
        throw new MoorError('USAGE', `--workers must be a whole number (got "${values.workers ?? ''}").`);
      }
      const started = performance.now();
      const result = await printSchool(mirror, {
        periodId,
        outDir: requireFlag(values.out, 'out'),
        actor: commandLineActor('deputy'),
        clock: systemClock,
        ...(classIds ? { classIds } : {}),
        ...(values.lang === undefined ? {} : { language: oneOf(values.lang, ['ky', 'ru'] as const, 'lang') }),
        ...(workers === undefined ? {} : { workers }),
        onProgress: (p) => {
          io.out(
            `  [${String(p.done).padStart(String(p.total).length)}/${p.total}] ${p.className}: ${p.pages} pages`,
          );
        },
      });
      const seconds = (performance.now() - started) / 1000;
      for (const d of result.documents) {
        const note = d.reprint
          ? 'unchanged, same bytes'
          : d.supersededDocumentId
            ? `replaces ${d.supersededDocumentId}`
            : 'new';
        io.out(
          `${d.className.padEnd(4)} ${d.documentId}  ${d.pages} p.  sha256 ${d.sha256.slice(0, 16)}…  (${note})`,
        );
      }
      io.out(`Merged PDF for printing: ${result.mergedPdfPath}`);
      io.out(
        `${counted(result.documents.length, 'class', 'classes')}, ${counted(result.pages, 'page', 'pages')} in ${seconds.toFixed(1)} s`,
      );
      return 0;
    } finally {
      mirror.close();
    }
  },
};

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
