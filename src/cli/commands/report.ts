import { systemClock } from '../../core/clock';
import { openMirror, type Mirror } from '../../core/db/mirror';
import { MoorError } from '../../core/errors';
import { reportDefinitions, runReport } from '../../core/reports/definitions';
import { schoolLanguage, schoolNameIn } from '../../core/settings/school';
import { exportReport, formatOf } from '../../core/reports/export-document';
import { periodRefs, type ReportParams } from '../../shared/report-params';
import type { AnyReport } from '../../core/reports/report-types';
import { integerFlag, oneOf, parseFlags, requireFlag } from '../args';
import { commandLineActor } from '../cli-identity';
import type { CliCommand, CliIo } from '../command';

const usage = `Usage:
  npm run moor -- report list
  npm run moor -- report NAME --db FILE (--period N | --from YYYY-MM-DD --to YYYY-MM-DD) [--out FILE] [options]

The deputies' monitoring reports. With --out the report is written as PDF, Excel or JSON
(by the file's extension); without it the totals are printed.

  NAME                 ${reportDefinitions.map((d) => d.name).join(', ')}
  --db FILE            the mirror database
  --period N           1-4 (quarter), h1, h2 (half-year) or year
  --from, --to         a date range instead of a period
  --year LABEL         the academic year (default: the latest in the mirror)
  --class NAME         one class, e.g. 8А
  --teacher ID         one teacher (staff id)
  --subject CODE       one subject (subject code)
  --as-of DATE         forecast: the marks as they stood at the end of this day (default: today)
  --threshold N        attendance: list students with N or more unexcused missed lessons (default 5)
  --min-marks N        forecast: fewer marks than this cannot be attested (default 3)
  --lang ky|ru         language of the document (default: the school's)
  --out FILE           write FILE.pdf, FILE.xlsx or FILE.json

The report is asked for by the computer's user at the command line, reading as a deputy.`;

function classId(mirror: Mirror, label: string, year: string | undefined): number {
  const match = /^(\d{1,2})\s*(.+)$/u.exec(label.trim());
  const rows = match
    ? mirror.all(
        mirror.db
          .selectFrom('class')
          .innerJoin('academic_year', 'academic_year.id', 'class.academic_year_id')
          .select(['class.id', 'academic_year.label'])
          .where('class.grade', '=', Number(match[1]))
          .where('class.letter', '=', (match[2] ?? '').toUpperCase())
          .orderBy('academic_year.starts_on', 'desc'),
      )
    : [];
  const found = year === undefined ? rows[0] : rows.find((r) => r.label === year);
  if (!found) throw new MoorError('USAGE', `--class: there is no class "${label}" in the mirror.`);
  return found.id;
}

function subjectId(mirror: Mirror, code: string): number {
  const found = mirror.first(mirror.db.selectFrom('subject').select('id').where('code', '=', code));
  if (!found)
    throw new MoorError('USAGE', `--subject: there is no subject with code "${code}" in the mirror.`);
  return found.id;
}

function printTotals(io: CliIo, report: AnyReport): void {
  io.out(
    `${report.title.en} — ${report.scope.academicYear}, ${report.scope.label.en} (${report.scope.from} – ${report.scope.to})`,
  );
  for (const table of Object.values(report.tables)) {
    io.out(`  ${table.title.en}: ${table.rows.length} rows`);
    if (!table.totals) continue;
    const totals = table.totals;
    const figures = table.columns
      .filter((c) => c.format !== 'text' && totals[c.key] !== null && totals[c.key] !== undefined)
      .map((c) => `${c.header.en} ${String(totals[c.key])}`);
    io.out(`    ${figures.join('; ')}`);
  }
  for (const note of report.notes) io.out(`  * ${note.en}`);
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: "The deputies' monitoring reports (journal keeping, attendance, achievement, forecast)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      db: { type: 'string' },
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      year: { type: 'string' },
      class: { type: 'string' },
      teacher: { type: 'string' },
      subject: { type: 'string' },
      'as-of': { type: 'string' },
      threshold: { type: 'string' },
      'min-marks': { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
    });
    const name = positionals[0];
    if (name === undefined) throw new MoorError('USAGE', 'Name the report (or "list").');
    if (name === 'list') {
      for (const d of reportDefinitions)
        io.out(`${d.name.padEnd(18)} ${d.title.en}${d.periodOnly ? ' (period only)' : ''}`);
      return 0;
    }
    if (values.out !== undefined) formatOf(values.out);
    const mirror = openMirror(requireFlag(values.db, 'db'), { readonly: true });
    try {
      const language =
        values.lang === undefined ? undefined : oneOf(values.lang, ['ky', 'ru'] as const, 'lang');
      const teacher = integerFlag(values.teacher, 'teacher');
      const threshold = integerFlag(values.threshold, 'threshold');
      const minMarks = integerFlag(values['min-marks'], 'min-marks');
      const params: ReportParams = {
        ...(values.year !== undefined ? { academicYear: values.year } : {}),
        ...(values.period !== undefined
          ? { period: oneOf(values.period.toLowerCase(), periodRefs, 'period') }
          : {}),
        ...(values.from !== undefined ? { from: values.from } : {}),
        ...(values.to !== undefined ? { to: values.to } : {}),
        ...(values.class !== undefined ? { classId: classId(mirror, values.class, values.year) } : {}),
        ...(teacher !== undefined ? { teacherId: teacher } : {}),
        ...(values.subject !== undefined ? { subjectId: subjectId(mirror, values.subject) } : {}),
        ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
        ...(threshold !== undefined ? { unexcusedThreshold: threshold } : {}),
        ...(minMarks !== undefined ? { minMarks } : {}),
        ...(language !== undefined ? { language } : {}),
      };
      const report = runReport(mirror, commandLineActor('deputy'), name, params, systemClock);
      if (values.out === undefined) {
        printTotals(io, report);
        return 0;
      }
      const documentLanguage = language ?? schoolLanguage(mirror);
      const written = await exportReport(
        report,
        values.out,
        documentLanguage,
        schoolNameIn(mirror, documentLanguage),
      );
      io.out(
        `Wrote ${written.path} (${written.format}${written.pages === null ? '' : `, ${written.pages} pages`})`,
      );
      return 0;
    } finally {
      mirror.close();
    }
  },
};
