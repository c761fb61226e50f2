import type { ReferenceTable } from '../../db/journal-tables';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { MoorError } from '../../errors';
import type { Row, SyncBatch } from '../batch';
import type { IdAllocator } from '../id-allocator';
import type { GradebookLesson, GradebookMark } from './schemas';
import { schoolLanguage } from '../../settings/school';

interface Year {
  id: number;
  startsOn: string;
  endsOn: string;
}

/**
 * Finds the mirror's classes, people and subjects for what Kundoluk names by its own keys (pins,
 * codes, ids), and adds those the mirror has not seen yet as new reference rows of the batch.
 * The school's calendar (years and periods) must be in the mirror already.
 */
export class KundolukDirectory {
  private readonly years: Year[];
  private readonly language: Language;
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly mirror: Mirror,
    private readonly batch: SyncBatch,
    private readonly ids: IdAllocator,
  ) {
    this.years = mirror.all(
      mirror.db.selectFrom('academic_year').select(['id', 'starts_on as startsOn', 'ends_on as endsOn']),
    );
    this.language = schoolLanguage(mirror);
  }

  private add(table: ReferenceTable, row: Row): void {
    (this.batch.reference[table] ??= []).push(row);
  }

  private remember(key: string, find: () => number | undefined, create: () => number): number {
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const id = find() ?? create();
    this.cache.set(key, id);
    return id;
  }

  yearOf(date: string): Year {
    const year = this.years.find((y) => y.startsOn <= date && date <= y.endsOn);
    if (year === undefined) {
      throw new MoorError(
        'KUNDOLUK_CALENDAR',
        `Kundoluk sent lessons of ${date}, but no academic year in the mirror holds that date. ` +
          'Set up the year (dates and quarters) first; the mirror was not changed.',
        { date },
      );
    }
    return year;
  }

  classId(lesson: GradebookLesson): number {
    const year = this.yearOf(lesson.lessonDay.slice(0, 10));
    const letter = lesson.letter.trim().toUpperCase();
    return this.remember(
      `class:${lesson.gradeId}`,
      () => {
        const byKundoluk = this.mirror.first(
          this.mirror.db.selectFrom('class').selectAll().where('kundoluk_id', '=', lesson.gradeId),
        );
        if (byKundoluk) return byKundoluk.id;
        const byName = this.mirror.first(
          this.mirror.db
            .selectFrom('class')
            .selectAll()
            .where('academic_year_id', '=', year.id)
            .where('grade', '=', lesson.grade)
            .where('letter', '=', letter),
        );
        if (!byName) return undefined;
        this.add('class', { ...byName, kundoluk_id: lesson.gradeId });
        return byName.id;
      },
      () => {
        const id = this.ids.next('class');
        this.add('class', {
          id,
          academic_year_id: year.id,
          grade: lesson.grade,
          letter,
          language: this.language,
          class_teacher_id: null,
          kundoluk_id: lesson.gradeId,
        });
        return id;
      },
    );
  }

  teacherId(teacher: GradebookLesson['teacher']): number {
    return this.remember(
      `staff:${teacher.pin}`,
      () =>
        this.mirror.first(
          this.mirror.db.selectFrom('staff').select('id').where('kundoluk_pin', '=', teacher.pin),
        )?.id,
      () => {
        const id = this.ids.next('staff');
        this.add('staff', {
          id,
          kundoluk_pin: teacher.pin,
          last_name: teacher.lastName,
          first_name: teacher.firstName,
          middle_name: teacher.midName,
          position: 'teacher',
          raw: JSON.stringify(teacher),
        });
        return id;
      },
    );
  }

  subjectId(subject: GradebookLesson['subject']): number {
    return this.remember(
      `subject:${subject.code}`,
      () =>
        this.mirror.first(this.mirror.db.selectFrom('subject').select('id').where('code', '=', subject.code))
          ?.id,
      () => {
        const id = this.ids.next('subject');
        const nameRu = subject.nameRu ?? subject.name;
        const nameKy = subject.nameKg ?? subject.name;
        const short = subject.short ?? subject.name.slice(0, 12);
        this.add('subject', {
          id,
          code: subject.code,
          name_ky: nameKy,
          name_ru: nameRu,
          short_ky: short,
          short_ru: short,
        });
        return id;
      },
    );
  }

  /** The subject Kundoluk's quarter marks name only by its titles. */
  subjectByName(nameKy: string | null, nameRu: string | null): number | undefined {
    return this.mirror.first(
      this.mirror.db
        .selectFrom('subject')
        .select('id')
        .where((eb) => eb.or([eb('name_ru', '=', nameRu ?? ''), eb('name_ky', '=', nameKy ?? '')])),
    )?.id;
  }

  /** The student, enrolled in the class from the year's start when the mirror had no enrolment. */
  studentId(mark: GradebookMark, classId: number, yearStartsOn: string): number {
    const studentId = this.remember(
      `student:${mark.student_pin}`,
      () =>
        this.mirror.first(
          this.mirror.db.selectFrom('student').select('id').where('kundoluk_pin', '=', mark.student_pin),
        )?.id,
      () => {
        const id = this.ids.next('student');
        this.add('student', {
          id,
          kundoluk_pin: mark.student_pin,
          last_name: mark.last_name ?? '',
          first_name: mark.first_name ?? '',
          middle_name: mark.mid_name,
          raw: JSON.stringify({ kundolukId: mark.idStudent }),
        });
        return id;
      },
    );
    this.cache.set(`kundoluk-student:${mark.idStudent}`, studentId);
    this.remember(
      `enrollment:${classId}:${studentId}`,
      () =>
        this.mirror.first(
          this.mirror.db
            .selectFrom('enrollment')
            .select('id')
            .where('class_id', '=', classId)
            .where('student_id', '=', studentId),
        )?.id,
      () => {
        const id = this.ids.next('enrollment');
        this.add('enrollment', {
          id,
          class_id: classId,
          student_id: studentId,
          joined_on: yearStartsOn,
          left_on: null,
        });
        return id;
      },
    );
    return studentId;
  }

  /** A student Kundoluk's quarter marks name by its internal id, as seen in this or an earlier sync. */
  studentByKundolukId(kundolukId: string): number | undefined {
    const seen = this.cache.get(`kundoluk-student:${kundolukId}`);
    if (seen !== undefined) return seen;
    const row = this.mirror.sqlite
      .prepare<[string], { id: number }>("SELECT id FROM student WHERE json_extract(raw, '$.kundolukId') = ?")
      .get(kundolukId);
    return row?.id;
  }

  subgroupId(classId: number, subjectId: number, name: string): number {
    return this.remember(
      `subgroup:${classId}:${subjectId}:${name}`,
      () =>
        this.mirror.first(
          this.mirror.db
            .selectFrom('subgroup')
            .select('id')
            .where('class_id', '=', classId)
            .where('subject_id', '=', subjectId)
            .where('name', '=', name),
        )?.id,
      () => {
        const id = this.ids.next('subgroup');
        this.add('subgroup', { id, class_id: classId, subject_id: subjectId, name });
        return id;
      },
    );
  }

  member(subgroupId: number, studentId: number): void {
    this.remember(
      `member:${subgroupId}:${studentId}`,
      () =>
        this.mirror.first(
          this.mirror.db
            .selectFrom('subgroup_member')
            .select('subgroup_id')
            .where('subgroup_id', '=', subgroupId)
            .where('student_id', '=', studentId),
        )?.subgroup_id,
      () => {
        this.add('subgroup_member', { subgroup_id: subgroupId, student_id: studentId });
        return subgroupId;
      },
    );
  }

  /**
   * A teaching assignment for a class's subject that has none yet (its weekly hours are not in
   * the gradebook: 0 until the school sets them). A lesson by another teacher adds none.
   */
  assignment(classId: number, subjectId: number, subgroupId: number | null, teacherId: number): void {
    this.remember(
      `assignment:${classId}:${subjectId}:${subgroupId ?? '-'}`,
      () =>
        this.mirror.first(
          this.mirror.db
            .selectFrom('teaching_assignment')
            .select('id')
            .where('class_id', '=', classId)
            .where('subject_id', '=', subjectId)
            .where('subgroup_id', 'is', subgroupId),
        )?.id,
      () => {
        const id = this.ids.next('teaching_assignment');
        this.add('teaching_assignment', {
          id,
          class_id: classId,
          subject_id: subjectId,
          subgroup_id: subgroupId,
          teacher_id: teacherId,
          weekly_hours: 0,
        });
        return id;
      },
    );
  }
}
