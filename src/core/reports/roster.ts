import type { Mirror } from '../db/mirror';
import type { ReportScope } from './scope';

/**
 * A journal is what one teacher keeps for one class and subject (or one subgroup of it):
 * the unit of the teaching load and of the journal-keeping indicators.
 */
export interface Journal {
  readonly key: string;
  readonly classId: number;
  readonly subjectId: number;
  readonly subgroupId: number | null;
  readonly subgroupName: string;
  readonly teacherIds: readonly number[];
  readonly weeklyHours: number;
}

export function journalKey(classId: number, subjectId: number, subgroupId: number | null): string {
  return `${classId}:${subjectId}:${subgroupId ?? 0}`;
}

/** The teaching load of the scope's year as journals (filtered by the scope's class, subject and teacher). */
export function loadJournals(mirror: Mirror, scope: ReportScope): Journal[] {
  let query = mirror.db
    .selectFrom('teaching_assignment as ta')
    .innerJoin('class', 'class.id', 'ta.class_id')
    .leftJoin('subgroup', 'subgroup.id', 'ta.subgroup_id')
    .where('class.academic_year_id', '=', scope.academicYearId)
    .select([
      'ta.class_id',
      'ta.subject_id',
      'ta.subgroup_id',
      'ta.teacher_id',
      'ta.weekly_hours',
      'subgroup.name',
    ])
    .orderBy('ta.id');
  if (scope.classId !== null) query = query.where('ta.class_id', '=', scope.classId);
  if (scope.subjectId !== null) query = query.where('ta.subject_id', '=', scope.subjectId);
  const journals = new Map<
    string,
    { teacherIds: number[]; weeklyHours: number } & Omit<Journal, 'teacherIds' | 'weeklyHours'>
  >();
  for (const row of mirror.all(query)) {
    const key = journalKey(row.class_id, row.subject_id, row.subgroup_id);
    const journal = journals.get(key);
    if (journal) {
      if (!journal.teacherIds.includes(row.teacher_id)) journal.teacherIds.push(row.teacher_id);
      // Two entries for one journal are the same load recorded twice (e.g. a teacher replaced mid-year), not double hours.
      journal.weeklyHours = Math.max(journal.weeklyHours, row.weekly_hours);
    } else {
      journals.set(key, {
        key,
        classId: row.class_id,
        subjectId: row.subject_id,
        subgroupId: row.subgroup_id,
        subgroupName: row.name ?? '',
        teacherIds: [row.teacher_id],
        weeklyHours: row.weekly_hours,
      });
    }
  }
  const all = [...journals.values()];
  return scope.teacherId === null ? all : all.filter((j) => j.teacherIds.includes(scope.teacherId ?? -1));
}

/**
 * Students in each class at some time in the scope. A student is in a class from `joined_on`
 * through `left_on` (the last day on the class list), as the journal shows them.
 */
export function enrolledStudents(mirror: Mirror, scope: ReportScope): Map<number, number[]> {
  let query = mirror.db
    .selectFrom('enrollment')
    .innerJoin('class', 'class.id', 'enrollment.class_id')
    .where('class.academic_year_id', '=', scope.academicYearId)
    .where('enrollment.joined_on', '<=', scope.to)
    .where((eb) => eb.or([eb('enrollment.left_on', 'is', null), eb('enrollment.left_on', '>=', scope.from)]))
    .select(['enrollment.class_id', 'enrollment.student_id'])
    .orderBy('enrollment.class_id')
    .orderBy('enrollment.student_id');
  if (scope.classId !== null) query = query.where('enrollment.class_id', '=', scope.classId);
  const byClass = new Map<number, number[]>();
  for (const row of mirror.all(query)) {
    const list = byClass.get(row.class_id);
    if (list) list.push(row.student_id);
    else byClass.set(row.class_id, [row.student_id]);
  }
  return byClass;
}

export function subgroupMembers(mirror: Mirror, scope: ReportScope): Map<number, Set<number>> {
  const rows = mirror.all(
    mirror.db
      .selectFrom('subgroup_member')
      .innerJoin('subgroup', 'subgroup.id', 'subgroup_member.subgroup_id')
      .innerJoin('class', 'class.id', 'subgroup.class_id')
      .where('class.academic_year_id', '=', scope.academicYearId)
      .select(['subgroup_member.subgroup_id', 'subgroup_member.student_id']),
  );
  const members = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = members.get(row.subgroup_id);
    if (set) set.add(row.student_id);
    else members.set(row.subgroup_id, new Set([row.student_id]));
  }
  return members;
}

/** The students a journal is kept for: the class list, or the subgroup's members on it. */
export function journalStudents(
  journal: Journal,
  enrolled: ReadonlyMap<number, readonly number[]>,
  members: ReadonlyMap<number, ReadonlySet<number>>,
): number[] {
  const classList = enrolled.get(journal.classId) ?? [];
  if (journal.subgroupId === null) return [...classList];
  const group = members.get(journal.subgroupId);
  return group ? classList.filter((id) => group.has(id)) : [];
}
