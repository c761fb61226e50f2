import type { CheckContext } from './check-context';
import { markTypes, type CheckRules } from './check-rules';
import { finding, type Finding } from './finding';
import { markDetails } from './mark-details';

/**
 * The SQL condition (over `l` lesson and `m` mark) for a mark entered after its deadline: the end
 * of the lesson's day in school time plus the hours its mark type allows. The lesson's hour is not
 * in the journal, so the day's end is the fair start. Evaluated inside the context's single pass
 * over the period's marks.
 */
export function lateMarkCondition(rules: CheckRules): { sql: string; params: number[] } {
  const dayEnd = 1 - rules.utcOffsetHours / 24;
  const cases = markTypes.map((type) => `WHEN '${type}' THEN ?`).join(' ');
  // Most marks are entered on the lesson's day. When every deadline is a day or more, such a mark
  // cannot be late, and a text comparison of the dates spares the date arithmetic for it.
  const everyDeadlineADay = markTypes.every((type) => rules.markDeadlineHours[type] >= 24);
  const sameDay = everyDeadlineADay ? 'substr(m.entered_at, 1, 10) > l.date AND ' : '';
  return {
    sql: `${sameDay}julianday(m.entered_at) > julianday(l.date) + ? + (CASE m.mark_type ${cases} ELSE 0 END)`,
    params: [dayEnd, ...markTypes.map((type) => rules.markDeadlineHours[type] / 24)],
  };
}

/** The deadline of a mark of this type on a lesson of this date, as an ISO instant. */
export function markDeadline(rules: CheckRules, lessonDate: string, hours: number): string {
  const dayEndUtc = Date.parse(`${lessonDate}T00:00:00Z`) + (24 - rules.utcOffsetHours) * 3_600_000;
  return new Date(dayEndUtc + hours * 3_600_000).toISOString();
}

/** A mark entered after its deadline (R 2.4, I 5.2 teacher g). */
export function lateMarks(context: CheckContext): Finding[] {
  return markDetails(context.mirror, context.markScan().lateMarkIds).map((row) =>
    finding('late_mark', {
      classId: row.classId,
      subjectId: row.subjectId,
      subgroupId: row.subgroupId,
      studentId: row.studentId,
      lessonId: row.lessonId,
      markId: row.markId,
      lessonDate: row.lessonDate,
      value: row.value,
      reference: `${row.enteredAt} > ${markDeadline(context.rules, row.lessonDate, context.rules.markDeadlineHours[row.markType])}`,
    }),
  );
}
