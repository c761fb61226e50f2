import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { MoorError } from '../../errors';
import { loadYearSummary, type YearSummary } from '../../journal/year-summary';
import { missingYearFinals, type MissingYearFinal } from '../../journal/year-summary-gaps';

/** A class's summary with the finals its sheet would print empty. */
export interface SummaryFinals {
  readonly className: string;
  readonly summary: YearSummary;
  readonly missing: readonly MissingYearFinal[];
}

/** Names listed in a refusal before it says how many more there are: enough to act on, short enough to read. */
const LISTED_STUDENTS = 40;

export function summaryFinals(mirror: Mirror, classId: number, academicYearId: number): SummaryFinals {
  const summary = loadYearSummary(mirror, classId, academicYearId);
  return {
    className: `${summary.class.grade}${summary.class.letter}`,
    summary,
    missing: missingYearFinals(mirror, summary),
  };
}

/**
 * Refuses summary sheets whose finals are not all given, before any is printed, naming per class
 * the subjects and the students whose finals are missing ("8А — Алгебра: Асанова Айдана, …").
 */
export function assertFinalsGiven(classes: readonly SummaryFinals[], language: Language): void {
  const incomplete = classes.filter((c) => c.missing.length > 0);
  if (incomplete.length === 0) return;
  let listed = 0;
  const parts = incomplete.map(({ className, summary, missing }) => {
    const bySubject = new Map<number, Set<number>>();
    for (const m of missing)
      bySubject.set(m.subjectId, (bySubject.get(m.subjectId) ?? new Set()).add(m.studentId));
    const subjects = summary.subjects.flatMap((subject) => {
      const ids = bySubject.get(subject.id);
      if (!ids) return [];
      const names = summary.students.filter((s) => ids.has(s.id)).map((s) => s.fullName);
      const shown = names.slice(0, Math.max(0, LISTED_STUDENTS - listed));
      listed += shown.length;
      const more = names.length - shown.length;
      const list = [...shown, ...(more > 0 ? [`… (+${more})`] : [])].join(', ');
      return [`${language === 'ru' ? subject.nameRu : subject.nameKy}: ${list}`];
    });
    return `${className} — ${subjects.join('; ')}`;
  });
  const count = incomplete.reduce((sum, c) => sum + c.missing.length, 0);
  throw new MoorError(
    'SUMMARY_FINALS_MISSING',
    `${count} finals are missing, so no summary sheet was printed: ${parts.join(' | ')}`,
    {
      classes: incomplete.map((c) => c.className).join(', '),
      count,
      missing: parts.join(' | '),
    },
  );
}
