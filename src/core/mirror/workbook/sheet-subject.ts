import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import type { ClassQuarter } from './class-context';
import type { JournalSheet } from './read';

export interface SheetSubject {
  subjectId: number;
  subgroupId: number | null;
  teacherId: number;
  memberIds: ReadonlySet<number> | undefined;
}

const normalize = (text: string) => text.toLowerCase().replace(/[\s.]/g, '');

/** The subject, subgroup and teacher a sheet belongs to, as the class's teaching assignments say. */
export function resolveSheetSubject(
  mirror: Mirror,
  sheet: JournalSheet,
  classQuarter: ClassQuarter,
  where: string,
): SheetSubject {
  const assignments = mirror.all(
    mirror.db
      .selectFrom('teaching_assignment')
      .innerJoin('subject', 'subject.id', 'teaching_assignment.subject_id')
      .select([
        'subject.id as subjectId',
        'subject.name_ky',
        'subject.name_ru',
        'subject.short_ky',
        'subject.short_ru',
        'teaching_assignment.subgroup_id as subgroupId',
        'teaching_assignment.teacher_id as teacherId',
      ])
      .where('teaching_assignment.class_id', '=', classQuarter.classId),
  );
  const wanted = normalize(sheet.subjectName);
  const ofSubject = assignments.filter((a) =>
    [a.name_ky, a.name_ru, a.short_ky, a.short_ru].some((name) => normalize(name) === wanted),
  );
  const first = ofSubject[0];
  if (first === undefined) {
    const taught = [...new Set(assignments.map((a) => a.name_ru))].join(', ');
    throw new MoorError(
      'WORKBOOK_SUBJECT',
      `${where}: subject "${sheet.subjectName}" is not taught in class ${classQuarter.className} according to the mirror ` +
        `(expected one of: ${taught || 'none'}).`,
      { sheet: sheet.name },
    );
  }
  if (sheet.subgroupName === null) {
    const whole = ofSubject.find((a) => a.subgroupId === null) ?? first;
    return { subjectId: first.subjectId, subgroupId: null, teacherId: whole.teacherId, memberIds: undefined };
  }
  const subgroups = mirror.all(
    mirror.db
      .selectFrom('subgroup')
      .select(['id', 'name'])
      .where('class_id', '=', classQuarter.classId)
      .where('subject_id', '=', first.subjectId),
  );
  const groupName = normalize(sheet.subgroupName);
  const subgroup = subgroups.find((g) => normalize(g.name) === groupName);
  if (subgroup === undefined) {
    throw new MoorError(
      'WORKBOOK_SUBGROUP',
      `${where}: subgroup "${sheet.subgroupName}" of ${sheet.subjectName} is not in class ${classQuarter.className} ` +
        `(expected one of: ${subgroups.map((g) => g.name).join(', ') || 'no subgroups'}).`,
      { sheet: sheet.name },
    );
  }
  const assignment = ofSubject.find((a) => a.subgroupId === subgroup.id) ?? first;
  const members = mirror.all(
    mirror.db.selectFrom('subgroup_member').select('student_id').where('subgroup_id', '=', subgroup.id),
  );
  return {
    subjectId: first.subjectId,
    subgroupId: subgroup.id,
    teacherId: assignment.teacherId,
    memberIds: new Set(members.map((m) => m.student_id)),
  };
}
