import type { Language } from '../../db/schema';
import { yearCounts, type YearSummary } from '../../journal/year-summary';
import { printedDate } from '../format-date';
import { documentLabels } from '../words';
import type { Cell, Column, DocumentSpec } from '../layout/model';
import { romanNumeral } from '../roman';
import { shortHash } from '../short-hash';

/**
 * The year-end summary sheet as a layout: students × subjects, each subject with its period
 * finals and the year mark, the class's counts, and the director's sign-off with the seal. With
 * finals missing (`missingFinals` > 0) it is a draft: the word across every page, a note under
 * the heading, and no director's block or seal place.
 */
export function buildYearSummary(
  summary: YearSummary,
  options: { id: string; fingerprint: string; language: Language; createdAt: string; missingFinals?: number },
): DocumentSpec {
  const missingFinals = options.missingFinals ?? 0;
  const draft = missingFinals > 0;
  const labels = documentLabels(options.language);
  const ru = options.language === 'ru';
  const className = labels.className(summary.class.grade, summary.class.letter);
  const schoolName = ru ? summary.school.nameRu : summary.school.nameKy;
  const finalBy = new Map(
    summary.finals.map((f) => [`${f.studentId}:${f.subjectId}:${f.periodId}`, f.value]),
  );
  const periodHeader = (kind: string, number: number) =>
    kind === 'year'
      ? labels.yearMark
      : kind === 'half_year'
        ? labels.halfYearColumn(romanNumeral(number))
        : romanNumeral(number);
  const columns: Column[] = [
    { header: labels.number, width: 16, repeat: true },
    { header: labels.student, width: 130, repeat: true, align: 'left' },
    ...summary.subjects.flatMap((subject) =>
      summary.periods.map((period) => ({
        header: periodHeader(period.kind, period.number),
        width: period.kind === 'year' ? 34 : period.kind === 'half_year' ? 28 : 15,
        group: ru ? subject.shortRu : subject.shortKy,
      })),
    ),
  ];
  const rows = summary.students.map((student, i): Cell[] => {
    const name =
      student.leftOn !== null && student.leftOn < summary.academicYear.endsOn
        ? `${student.fullName} (${labels.left} ${printedDate(student.leftOn)})`
        : student.fullName;
    return [
      { value: i + 1 },
      { value: name },
      ...summary.subjects.flatMap((subject) =>
        summary.periods.map((period): Cell => {
          const value = finalBy.get(`${student.id}:${subject.id}:${period.id}`) ?? null;
          const numeric = value !== null && /^\d+$/.test(value) ? Number(value) : value;
          return { value: numeric, bold: period.kind === 'year', shaded: period.kind === 'year' };
        }),
      ),
    ];
  });
  const counts = yearCounts(summary);
  return {
    id: options.id,
    shortHash: shortHash(options.fingerprint),
    title: `${labels.yearSummaryTitle} · ${className} · ${summary.academicYear.label}`,
    language: options.language,
    createdAt: options.createdAt,
    pageLabel: labels.pageLabel,
    ...(draft ? { watermark: labels.draft } : {}),
    sections: [
      {
        sheetName: labels.yearSummaryTitle,
        orientation: 'landscape',
        pageHeader: [
          `${labels.yearSummaryTitle} · ${className} · ${labels.schoolYear(summary.academicYear.label)}`,
          `${schoolName} · ${labels.classTeacher}: ${summary.classTeacher?.fullName ?? '—'}`,
          ...(draft ? [labels.draftNote(missingFinals)] : []),
        ],
        blocks: [
          { kind: 'table', fontSize: 7.5, minFontSize: 5.5, columns, rows, keepGroups: true },
          { kind: 'text', text: labels.counts, size: 10, bold: true },
          {
            kind: 'fields',
            size: 9,
            fields: [
              { label: labels.studentsTotal, value: String(summary.students.length) },
              { label: labels.excellent, value: String(counts.excellent) },
              { label: labels.goodAndExcellent, value: String(counts.goodAndExcellent) },
              { label: labels.withTwo, value: String(counts.withTwo) },
            ],
          },
          { kind: 'space', height: 12 },
          {
            kind: 'signatures',
            size: 9,
            captions: labels.captions,
            signatures: [
              { role: labels.classTeacher, name: summary.classTeacher?.shortName ?? '', withDate: true },
              ...(draft
                ? []
                : [
                    {
                      role: labels.directorSignOff,
                      name: summary.director?.shortName ?? '',
                      withDate: true,
                      seal: labels.seal,
                    },
                  ]),
            ],
          },
        ],
      },
    ],
  };
}
