import type { ReferenceTable } from '../../db/journal-tables';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { MoorError } from '../../errors';
import type { Row, SyncBatch } from '../batch';
import type { IdAllocator } from '../id-allocator';
import { schoolLanguage } from '../../settings/school';
import type { KundolukLesson, KundolukSubject } from './schemas';

/** A student as a mark record or a lesson's `students[]` names them. */
export interface KundolukPerson {
  pin: string;
  kundolukId: string | null;
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
}

/** The staff row standing for a lesson Kundoluk sent without its teacher; the day-1 checks name it. */
export const UNNAMED_TEACHER_PIN = 'kundoluk:unnamed-teacher';

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

  classId(lesson: KundolukLesson, date: string): number {
    const year = this.yearOf(date);
    const letter = (lesson.letter ?? '').toUpperCase();
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

  /** The lesson's teacher by personal number; a lesson without one gets the "not named" row. */
  teacherId(teacher: KundolukLesson['teacher']): number {
    const pin = teacher?.pinAsString ?? teacher?.pin_as_string ?? teacher?.pin ?? null;
    const key = pin ?? UNNAMED_TEACHER_PIN;
    return this.remember(
      `staff:${key}`,
      () =>
        this.mirror.first(this.mirror.db.selectFrom('staff').select('id').where('kundoluk_pin', '=', key))
          ?.id,
      () => {
        const id = this.ids.next('staff');
        this.add('staff', {
          id,
          kundoluk_pin: key,
          last_name: pin === null ? '—' : (teacher?.lastName ?? teacher?.last_name ?? ''),
          first_name: pin === null ? '—' : (teacher?.firstName ?? teacher?.first_name ?? ''),
          middle_name: teacher?.midName ?? teacher?.mid_name ?? null,
          position: 'teacher',
          raw: teacher == null ? null : JSON.stringify(teacher),
        });
        return id;
      },
    );
  }

  /**
   * The lesson's subject: by Kundoluk's subject id first (`subjectId` of the lesson or the subject,
   * react-kundoluk ScheduleModel.ts and SubjectModel.ts; `code` in kundoluk-plus subject.dart),
   * then by its names, else a new one. Undefined when the lesson names no subject at all.
   */
  subjectId(lesson: KundolukLesson): number | undefined {
    const subject: KundolukSubject = lesson.subject ?? {
      subjectId: null,
      code: null,
      name: null,
      nameKg: null,
      nameRu: null,
      short: null,
      shortKg: null,
      shortRu: null,
    };
    const code = lesson.subjectId ?? subject.subjectId ?? subject.code;
    const nameRu = subject.nameRu ?? subject.name;
    const nameKy = subject.nameKg ?? subject.name;
    if (code === null && nameRu === null && nameKy === null) return undefined;
    return this.remember(
      `subject:${code ?? `${nameKy ?? ''}|${nameRu ?? ''}`}`,
      () =>
        (code === null
          ? undefined
          : this.mirror.first(this.mirror.db.selectFrom('subject').select('id').where('code', '=', code))
              ?.id) ?? this.subjectByName(nameKy, nameRu),
      () => {
        const id = this.ids.next('subject');
        const shortRu = subject.shortRu ?? subject.short ?? (nameRu ?? nameKy ?? '').slice(0, 12);
        const shortKy = subject.shortKg ?? subject.short ?? (nameKy ?? nameRu ?? '').slice(0, 12);
        this.add('subject', {
          id,
          code: code ?? `kundoluk:${nameKy ?? nameRu ?? ''}`,
          name_ky: nameKy ?? nameRu ?? '',
          name_ru: nameRu ?? nameKy ?? '',
          short_ky: shortKy,
          short_ru: shortRu,
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
        .where((eb) =>
          eb.or([eb('name_ru', '=', nameRu ?? '\u0000'), eb('name_ky', '=', nameKy ?? '\u0000')]),
        ),
    )?.id;
  }

  /** The student, enrolled in the class from the year's start when the mirror had no enrolment. */
  studentId(person: KundolukPerson, classId: number, yearStartsOn: string): number {
    const studentId = this.remember(
      `student:${person.pin}`,
      () =>
        this.mirror.first(
          this.mirror.db.selectFrom('student').select('id').where('kundoluk_pin', '=', person.pin),
        )?.id,
      () => {
        const id = this.ids.next('student');
        this.add('student', {
          id,
          kundoluk_pin: person.pin,
          last_name: person.lastName ?? '',
          first_name: person.firstName ?? '',
          middle_name: person.middleName,
          raw: person.kundolukId === null ? null : JSON.stringify({ kundolukId: person.kundolukId }),
        });
        return id;
      },
    );
    if (person.kundolukId !== null) this.cache.set(`kundoluk-student:${person.kundolukId}`, studentId);
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
