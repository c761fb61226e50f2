import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import type { JournalEntry, JournalStudent, JournalSubject, Signatory } from './class-journal-types';
import type { LessonFact, LessonFacts, MarkFact, PeriodFinal } from './class-journal-facts';
import { collator } from './class-journal-roster';

/** What the subjects' pages are made from. */
export interface SubjectSources {
  readonly students: readonly JournalStudent[];
  readonly facts: LessonFacts;
  readonly finals: readonly PeriodFinal[];
  readonly staff: ReadonlyMap<number, Signatory>;
}

interface Group {
  readonly subjectId: number;
  readonly subgroupId: number | null;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Every subject and subgroup of the class that has a teacher assigned or a lesson held, in the
 * school's subject order, each with its lessons, marks, absences, period averages and finals.
 */
export function journalSubjects(mirror: Mirror, classId: number, sources: SubjectSources): JournalSubject[] {
  const { db } = mirror;
  const { students, facts, finals, staff } = sources;
  const subjects = mirror.all(db.selectFrom('subject').selectAll().orderBy('id'));
  const subgroups = mirror.all(
    db.selectFrom('subgroup').select(['id', 'subject_id', 'name']).where('class_id', '=', classId),
  );
  const members = mirror.all(
    db
      .selectFrom('subgroup_member as m')
      .innerJoin('subgroup as g', 'g.id', 'm.subgroup_id')
      .select(['m.subgroup_id', 'm.student_id'])
      .where('g.class_id', '=', classId),
  );
  const assignments = mirror.all(
    db
      .selectFrom('teaching_assignment')
      .select(['subject_id', 'subgroup_id', 'teacher_id'])
      .where('class_id', '=', classId)
      .orderBy('id'),
  );

  const groupKey = (subjectId: number, subgroupId: number | null) => `${subjectId}:${subgroupId ?? ''}`;
  const groups = new Map<string, Group>();
  for (const row of [...assignments, ...facts.lessons])
    groups.set(groupKey(row.subject_id, row.subgroup_id), {
      subjectId: row.subject_id,
      subgroupId: row.subgroup_id,
    });
  const subjectOrder = new Map(subjects.map((s, i) => [s.id, i]));
  const subgroupById = new Map(subgroups.map((g) => [g.id, g]));
  const sortedGroups = [...groups.values()].sort(
    (a, b) =>
      (subjectOrder.get(a.subjectId) ?? 0) - (subjectOrder.get(b.subjectId) ?? 0) ||
      collator.compare(
        subgroupById.get(a.subgroupId ?? -1)?.name ?? '',
        subgroupById.get(b.subgroupId ?? -1)?.name ?? '',
      ),
  );

  const order = new Map(students.map((s, i) => [s.id, i]));
  const attendanceByKey = new Map(facts.attendance.map((a) => [`${a.lesson_id}:${a.student_id}`, a]));
  const marksByLesson = groupBy(facts.marks, (m) => m.lesson_id);

  return sortedGroups.map(({ subjectId, subgroupId }): JournalSubject => {
    const subject = subjects.find((s) => s.id === subjectId);
    if (!subject)
      throw new MoorError('MIRROR_INCOMPLETE', `Subject ${subjectId} is missing from the mirror.`, {
        subjectId,
      });
    const subgroup = subgroupId === null ? null : (subgroupById.get(subgroupId) ?? null);
    const studentIds =
      subgroupId === null
        ? students.map((s) => s.id)
        : members
            .filter((m) => m.subgroup_id === subgroupId && order.has(m.student_id))
            .map((m) => m.student_id)
            .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const groupLessons = facts.lessons.filter(
      (l) => l.subject_id === subjectId && l.subgroup_id === subgroupId,
    );
    const teacherIds = new Set(
      assignments
        .filter((a) => a.subject_id === subjectId && a.subgroup_id === subgroupId)
        .map((a) => a.teacher_id),
    );
    if (teacherIds.size === 0)
      for (const lesson of groupLessons) if (lesson.is_substitution === 0) teacherIds.add(lesson.teacher_id);
    const { entries, averages } = lessonEntries(groupLessons, studentIds, marksByLesson, attendanceByKey);
    const finalBy = new Map(
      finals.filter((f) => f.subject_id === subjectId).map((f) => [f.student_id, f.value]),
    );
    return {
      subjectId,
      nameKy: subject.name_ky,
      nameRu: subject.name_ru,
      shortKy: subject.short_ky,
      shortRu: subject.short_ru,
      subgroup: subgroup ? { id: subgroup.id, name: subgroup.name } : null,
      teachers: [...teacherIds].map((id) => staff.get(id)).filter((s): s is Signatory => s !== undefined),
      studentIds,
      lessons: groupLessons.map((l) => ({
        id: l.id,
        date: l.date,
        lessonNumber: l.lesson_number,
        topic: l.topic,
        homework: l.homework,
        teacher: staff.get(l.teacher_id)?.shortName ?? '',
        isSubstitution: l.is_substitution === 1,
      })),
      entries,
      averages,
      finals: studentIds.map((studentId) => ({ studentId, value: finalBy.get(studentId) ?? null })),
    };
  });
}

/** The cells of a subject's grid that hold a mark or an absence, and each student's mean mark. */
function lessonEntries(
  lessons: readonly LessonFact[],
  studentIds: readonly number[],
  marksByLesson: ReadonlyMap<number, MarkFact[]>,
  attendanceByKey: ReadonlyMap<string, LessonFacts['attendance'][number]>,
): Pick<JournalSubject, 'entries' | 'averages'> {
  const entries: JournalEntry[] = [];
  const sums = new Map<number, { total: number; count: number }>();
  for (const lesson of lessons) {
    const lessonMarks = groupBy(marksByLesson.get(lesson.id) ?? [], (m) => m.student_id);
    for (const studentId of studentIds) {
      const given = lessonMarks.get(studentId) ?? [];
      const absence = attendanceByKey.get(`${lesson.id}:${studentId}`);
      const reason = absence?.kind === 'absent' ? absence.reason : null;
      if (given.length === 0 && reason === null) continue;
      entries.push({ lessonId: lesson.id, studentId, marks: given.map((m) => m.value), absence: reason });
      for (const mark of given) {
        if (mark.numeric_value === null) continue;
        const sum = sums.get(studentId) ?? { total: 0, count: 0 };
        sum.total += mark.numeric_value;
        sum.count += 1;
        sums.set(studentId, sum);
      }
    }
  }
  return {
    entries,
    averages: studentIds.map((studentId) => {
      const sum = sums.get(studentId);
      return { studentId, average: sum ? Math.round((sum.total / sum.count) * 100) / 100 : null };
    }),
  };
}
