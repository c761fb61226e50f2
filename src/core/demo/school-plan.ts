import type { Language } from '../db/schema';
import { calendar2025, schoolDays, type SchoolCalendar } from './calendar';
import { curriculum, weeklyHours, type CurriculumSubject } from './curriculum';
import type { MirrorDataset } from './dataset';
import { faultRates } from './faults';
import { personName } from './names';
import type { SeededRandom } from './random';
import type { SizeProfile } from './sizes';

/** A student as the journal generator needs them: enrolment dates and how they learn. */
export interface PlannedStudent {
  id: number;
  joinedOn: string;
  leftOn: string | null;
  /** The mark this student tends to get (2.3–5.0). */
  ability: number;
  /** Chance of missing a given school day. */
  absenceRate: number;
}

/** One lesson of the weekly timetable; a split subject has one slot per subgroup at the same time. */
export interface TimetableSlot {
  weekday: number;
  lessonNumber: number;
  subject: CurriculumSubject;
  subjectId: number;
  subgroupId: number | null;
  teacherId: number;
  weeklyHours: number;
  studentIds: readonly number[];
}

export interface PlannedClass {
  id: number;
  grade: number;
  language: Language;
  daysPerWeek: 5 | 6;
  students: PlannedStudent[];
  timetable: TimetableSlot[];
}

export interface SchoolPlan {
  calendar: SchoolCalendar;
  classes: PlannedClass[];
  teacherIds: number[];
  periodIds: Map<string, number>;
  subjectIds: Map<string, number>;
}

const MAX_TEACHER_LOAD = 24;

class IdSequence {
  private last = 0;
  next(): number {
    return ++this.last;
  }
}

function pin(random: SeededRandom, taken: Set<string>, birthYear: number): string {
  for (;;) {
    const day = String(random.int(1, 28)).padStart(2, '0');
    const month = String(random.int(1, 12)).padStart(2, '0');
    const value = `${random.int(1, 2)}${day}${month}${birthYear}${String(random.int(0, 99999)).padStart(5, '0')}`;
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

/** Lays out the school: calendar, staff, subjects, classes with their students, subgroups and teachers. */
export function planSchool(random: SeededRandom, profile: SizeProfile, data: MirrorDataset): SchoolPlan {
  const cal = calendar2025;
  const pins = new Set<string>();
  data.school.push({
    id: 1,
    name_ky: '№ 95 Гимназия-мектеби',
    name_ru: 'Гимназия-школа № 95',
    address_ky: 'Бишкек ш., Ч. Айтматов көч., 12',
    address_ru: 'г. Бишкек, ул. Ч. Айтматова, 12',
    okpo_code: '20934157',
    kundoluk_code: 'SCH-95',
    document_language: 'ky',
  });
  data.academic_year.push({ id: 1, label: cal.label, starts_on: cal.startsOn, ends_on: cal.endsOn });
  const periodIds = new Map<string, number>();
  cal.periods.forEach((period, index) => {
    data.reporting_period.push({
      id: index + 1,
      academic_year_id: 1,
      kind: period.kind,
      number: period.number,
      starts_on: period.startsOn,
      ends_on: period.endsOn,
    });
    periodIds.set(`${period.kind}:${period.number}`, index + 1);
  });
  cal.holidays.forEach((holiday, index) =>
    data.holiday.push({
      id: index + 1,
      academic_year_id: 1,
      starts_on: holiday.startsOn,
      ends_on: holiday.endsOn,
      name_ky: holiday.nameKy,
      name_ru: holiday.nameRu,
    }),
  );

  const staffIds = new IdSequence();
  const addStaff = (position: 'teacher' | 'deputy' | 'director' | 'secretary' | 'admin'): number => {
    const name = personName(random, random.chance(0.7) ? 'ky' : 'ru');
    const id = staffIds.next();
    data.staff.push({
      id,
      kundoluk_pin: pin(random, pins, random.int(1965, 1998)),
      last_name: name.lastName,
      first_name: name.firstName,
      middle_name: name.middleName,
      position,
      raw: null,
    });
    return id;
  };
  addStaff('director');
  for (let i = 0; i < profile.deputies; i++) addStaff('deputy');
  addStaff('secretary');
  addStaff('admin');

  const subjectIds = new Map<string, number>();
  curriculum.forEach((subject, index) => {
    data.subject.push({
      id: index + 1,
      code: subject.code,
      name_ky: subject.nameKy,
      name_ru: subject.nameRu,
      short_ky: subject.shortKy,
      short_ru: subject.shortRu,
    });
    subjectIds.set(subject.code, index + 1);
  });

  const teacherLoad = new Map<number, number>();
  const subjectTeachers = new Map<string, number[]>();
  const teacherFor = (subjectCode: string, hours: number, avoid?: number): number => {
    const pool = subjectTeachers.get(subjectCode) ?? [];
    subjectTeachers.set(subjectCode, pool);
    const free = pool.find((id) => id !== avoid && (teacherLoad.get(id) ?? 0) + hours <= MAX_TEACHER_LOAD);
    const id = free ?? addStaff('teacher');
    if (free === undefined) pool.push(id);
    teacherLoad.set(id, (teacherLoad.get(id) ?? 0) + hours);
    return id;
  };

  const studentIds = new IdSequence();
  const subgroupIds = new IdSequence();
  const classes: PlannedClass[] = [];
  const yearDays = cal.periods
    .filter((p) => p.kind === 'quarter')
    .flatMap((quarter) => schoolDays(cal, quarter, 5));
  profile.classes.forEach((plan, index) => {
    const classId = index + 1;
    const primaryTeacher = plan.grade <= 4 ? addStaff('teacher') : null;
    const students = planStudents(random, plan.grade, plan.language, profile, data, classId, yearDays, () =>
      studentIds.next(),
    );
    const alphabetical = [...students].sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'ru'));
    const timetableSubjects: Omit<TimetableSlot, 'weekday' | 'lessonNumber'>[][] = [];
    const assignedTeachers = new Set<number>();
    for (const subject of curriculum) {
      const hours = weeklyHours(subject, plan.grade, plan.language);
      if (hours === 0) continue;
      const subjectId = subjectIds.get(subject.code) ?? 0;
      const split = subject.splitFromGrade !== undefined && plan.grade >= subject.splitFromGrade;
      const groups = split
        ? [
            alphabetical.slice(0, Math.ceil(alphabetical.length / 2)),
            alphabetical.slice(Math.ceil(alphabetical.length / 2)),
          ]
        : [alphabetical];
      let previousTeacher: number | undefined;
      const slots = groups.map((members, groupIndex) => {
        const subgroupId = split ? subgroupIds.next() : null;
        if (subgroupId !== null) {
          data.subgroup.push({
            id: subgroupId,
            class_id: classId,
            subject_id: subjectId,
            name: `${groupIndex + 1} гр.`,
          });
          for (const member of members)
            data.subgroup_member.push({ subgroup_id: subgroupId, student_id: member.id });
        }
        const usesPrimaryTeacher =
          primaryTeacher !== null && subject.code !== 'english' && subject.code !== 'physical-education';
        const teacherId = usesPrimaryTeacher
          ? primaryTeacher
          : teacherFor(subject.code, hours, previousTeacher);
        previousTeacher = teacherId;
        assignedTeachers.add(teacherId);
        data.teaching_assignment.push({
          id: data.teaching_assignment.length + 1,
          class_id: classId,
          subject_id: subjectId,
          subgroup_id: subgroupId,
          teacher_id: teacherId,
          weekly_hours: hours,
        });
        return {
          subject,
          subjectId,
          subgroupId,
          teacherId,
          weeklyHours: hours,
          studentIds: members.map((m) => m.id),
        };
      });
      for (let hour = 0; hour < hours; hour++) timetableSubjects.push(slots);
    }
    const daysPerWeek: 5 | 6 = plan.grade <= 4 ? 5 : 6;
    const timetable = layOutWeek(random, timetableSubjects, daysPerWeek);
    const classTeacher = primaryTeacher ?? pickClassTeacher(random, [...assignedTeachers], data);
    data.class.push({
      id: classId,
      academic_year_id: 1,
      grade: plan.grade,
      letter: plan.letter,
      language: plan.language,
      class_teacher_id: classTeacher,
      kundoluk_id: `CL-${plan.grade}${plan.letter}`,
    });
    classes.push({
      id: classId,
      grade: plan.grade,
      language: plan.language,
      daysPerWeek,
      students,
      timetable,
    });
  });

  const teacherIds = data.staff.filter((s) => s.position === 'teacher').map((s) => s.id);
  return { calendar: cal, classes, teacherIds, periodIds, subjectIds };
}

/** A teacher of the class who is not yet class teacher elsewhere, where there is one. */
function pickClassTeacher(random: SeededRandom, candidates: number[], data: MirrorDataset): number {
  const taken = new Set(data.class.map((c) => c.class_teacher_id));
  const free = candidates.filter((id) => !taken.has(id));
  return random.pick(free.length > 0 ? free : candidates);
}

function planStudents(
  random: SeededRandom,
  grade: number,
  language: Language,
  profile: SizeProfile,
  data: MirrorDataset,
  classId: number,
  yearDays: string[],
  nextId: () => number,
): (PlannedStudent & { sortKey: string })[] {
  const count = profile.studentsPerClass + random.int(-3, 3);
  const students: (PlannedStudent & { sortKey: string })[] = [];
  const birthYear = 2025 - 6 - grade;
  const pins = new Set<string>(data.student.map((s) => s.kundoluk_pin ?? ''));
  for (let i = 0; i < count; i++) {
    const id = nextId();
    const name = personName(random, language);
    data.student.push({
      id,
      kundoluk_pin: pin(random, pins, birthYear),
      last_name: name.lastName,
      first_name: name.firstName,
      middle_name: name.middleName,
      raw: null,
    });
    const joinsLate = random.chance(faultRates.studentJoinsLate);
    const leaves = !joinsLate && random.chance(faultRates.studentLeaves);
    const joinedOn = joinsLate
      ? random.pick(yearDays.slice(10, yearDays.length - 40))
      : calendar2025.startsOn;
    const leftOn = leaves ? random.pick(yearDays.slice(15, yearDays.length - 10)) : null;
    data.enrollment.push({
      id: data.enrollment.length + 1,
      class_id: classId,
      student_id: id,
      joined_on: joinedOn,
      left_on: leftOn,
    });
    students.push({
      id,
      joinedOn,
      leftOn,
      ability: Math.min(5, Math.max(2.3, random.normal(3.9, 1.6))),
      absenceRate: Math.max(0.005, random.normal(0.035, 0.05)),
      sortKey: `${name.lastName} ${name.firstName}`,
    });
  }
  return students;
}

/** Spreads the week's lessons over the school days, at most one lesson of a subject per day where possible. */
function layOutWeek(
  random: SeededRandom,
  lessons: Omit<TimetableSlot, 'weekday' | 'lessonNumber'>[][],
  daysPerWeek: 5 | 6,
): TimetableSlot[] {
  const shuffled = random.shuffle([...lessons]);
  const days: Omit<TimetableSlot, 'weekday' | 'lessonNumber'>[][][] = Array.from(
    { length: daysPerWeek },
    () => [],
  );
  shuffled.forEach((slots, index) => days[index % daysPerWeek]?.push(slots));
  return days.flatMap((dayLessons, dayIndex) =>
    dayLessons.flatMap((slots, lessonIndex) =>
      slots.map((slot) => ({ ...slot, weekday: dayIndex + 1, lessonNumber: lessonIndex + 1 })),
    ),
  );
}
