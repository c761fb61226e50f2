import type { MarkType } from '../../shared/mark-types';
import { addDays, isoWeekday, schoolDays } from './calendar';
import type { MirrorDataset } from './dataset';
import { faultRates } from './faults';
import type { SeededRandom } from './random';
import type { PlannedClass, PlannedStudent, SchoolPlan, TimetableSlot } from './school-plan';

/** Sum and count of a student's numeric marks in a subject and quarter, for the finals. */
export type MarkTally = Map<string, { sum: number; count: number }>;

export const tallyKey = (studentId: number, subjectId: number, quarter: number): string =>
  `${studentId}:${subjectId}:${quarter}`;

const WRITTEN_TYPES: ReadonlySet<MarkType> = new Set(['control', 'write', 'test', 'exam']);
const SCIENCE = new Set(['physics', 'chemistry', 'biology']);
const CONTROL_EVERY = 9;
/** Teachers of one-hour subjects mark more students per lesson, or a quarter would leave most with one mark. */
const markChance = (weeklyHours: number): number => (weeklyHours <= 1 ? 0.55 : 0.3);
const LATE_ARRIVAL_CHANCE = 0.004;

const atUtc = (date: string, hour: number, minute: number): string =>
  `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

function enrolledOn(student: PlannedStudent, date: string): boolean {
  return student.joinedOn <= date && (student.leftOn === null || date <= student.leftOn);
}

function markType(random: SeededRandom, slot: TimetableSlot, control: boolean): MarkType {
  if (control)
    return slot.subject.code.includes('language') ? random.pick(['control', 'write'] as const) : 'control';
  const roll = random.next();
  if (roll < 0.8) return 'general';
  if (roll < 0.92) return 'homework';
  if (SCIENCE.has(slot.subject.code) && roll < 0.96) return 'laboratory';
  return roll < 0.97 ? 'test' : 'practice';
}

/** Writes the year's lessons, marks and attendance of one class; tallies marks for the finals. */
export function generateClassJournal(
  random: SeededRandom,
  plan: SchoolPlan,
  schoolClass: PlannedClass,
  data: MirrorDataset,
  tally: MarkTally,
): void {
  const marked = schoolClass.grade >= 2;
  const lessonCounter = new Map<string, number>();
  const sparseCap = new Map<string, number>();
  const studentsById = new Map(schoolClass.students.map((s) => [s.id, s]));
  const quarters = plan.calendar.periods.filter((p) => p.kind === 'quarter');
  for (const quarter of quarters) {
    for (const date of schoolDays(plan.calendar, quarter, schoolClass.daysPerWeek)) {
      const weekday = isoWeekday(date);
      const absentToday = new Map<number, 'Н' | 'Б' | 'У'>();
      for (const student of schoolClass.students) {
        if (enrolledOn(student, date) && random.chance(student.absenceRate)) {
          const roll = random.next();
          absentToday.set(student.id, roll < 0.45 ? 'Б' : roll < 0.65 ? 'У' : 'Н');
        }
      }
      for (const slot of schoolClass.timetable) {
        if (slot.weekday !== weekday) continue;
        const counterKey = `${slot.subjectId}:${slot.subgroupId ?? 0}`;
        const index = lessonCounter.get(counterKey) ?? 0;
        lessonCounter.set(counterKey, index + 1);
        const lessonId = data.lesson.length + 1;
        const substituted = random.chance(faultRates.substitution);
        const teacherId = substituted
          ? random.pick(plan.teacherIds.filter((t) => t !== slot.teacherId))
          : slot.teacherId;
        data.lesson.push({
          id: lessonId,
          class_id: schoolClass.id,
          subject_id: slot.subjectId,
          subgroup_id: slot.subgroupId,
          teacher_id: teacherId,
          date,
          lesson_number: slot.lessonNumber,
          topic: random.chance(faultRates.lessonWithoutTopic) ? null : topicFor(slot, schoolClass, index),
          homework:
            !marked || random.chance(faultRates.lessonWithoutHomework)
              ? null
              : homeworkFor(schoolClass, index),
          is_substitution: substituted && !random.chance(faultRates.unrecordedSubstitutionShare) ? 1 : 0,
          entered_at: atUtc(date, random.int(3, 12), random.int(0, 59)),
          source_ref: null,
          raw: null,
        });
        const control = marked && index % CONTROL_EVERY === CONTROL_EVERY - 1;
        for (const studentId of slot.studentIds) {
          const student = studentsById.get(studentId);
          if (!student || !enrolledOn(student, date)) continue;
          const reason = absentToday.get(studentId);
          if (reason !== undefined) {
            data.attendance.push({
              id: data.attendance.length + 1,
              lesson_id: lessonId,
              student_id: studentId,
              kind: 'absent',
              reason,
              late_minutes: null,
              entered_at: atUtc(date, random.int(3, 12), random.int(0, 59)),
              source_ref: null,
            });
            continue;
          }
          if (random.chance(LATE_ARRIVAL_CHANCE)) {
            data.attendance.push({
              id: data.attendance.length + 1,
              lesson_id: lessonId,
              student_id: studentId,
              kind: 'late',
              reason: null,
              late_minutes: random.int(3, 20),
              entered_at: atUtc(date, random.int(3, 12), random.int(0, 59)),
              source_ref: null,
            });
          }
          if (!marked || !(control || random.chance(markChance(slot.weeklyHours)))) continue;
          const key = tallyKey(studentId, slot.subjectId, quarter.number);
          let cap = sparseCap.get(key);
          if (cap === undefined) {
            cap = random.chance(faultRates.sparseMarks) ? random.int(0, 1) : Number.POSITIVE_INFINITY;
            sparseCap.set(key, cap);
          }
          const sums = tally.get(key) ?? { sum: 0, count: 0 };
          if (sums.count >= cap) continue;
          const value = Math.min(5, Math.max(2, Math.round(random.normal(student.ability, 1.6))));
          sums.sum += value;
          sums.count += 1;
          tally.set(key, sums);
          pushMark(random, data, lessonId, studentId, date, value, markType(random, slot, control));
        }
      }
    }
  }
}

function pushMark(
  random: SeededRandom,
  data: MirrorDataset,
  lessonId: number,
  studentId: number,
  date: string,
  value: number,
  type: MarkType,
): void {
  const written = WRITTEN_TYPES.has(type);
  const late = random.chance(faultRates.lateMark);
  const delay = late ? (written ? random.int(6, 12) : random.int(2, 6)) : written ? random.int(0, 3) : 0;
  const enteredAt = atUtc(addDays(date, delay), random.int(8, 14), random.int(0, 59));
  const corrected = random.chance(faultRates.correctedMark);
  data.mark.push({
    id: data.mark.length + 1,
    lesson_id: lessonId,
    student_id: studentId,
    value: String(value),
    numeric_value: value,
    mark_type: type,
    previous_value: corrected ? String(value === 2 ? 3 : value - 1) : null,
    entered_at: enteredAt,
    changed_at: corrected ? atUtc(addDays(date, delay + random.int(2, 15)), random.int(8, 14), 0) : enteredAt,
    source_ref: null,
    raw: null,
  });
}

function topicFor(slot: TimetableSlot, schoolClass: PlannedClass, index: number): string {
  const stems = schoolClass.language === 'ky' ? slot.subject.topicsKy : slot.subject.topicsRu;
  const stem = stems[Math.floor(index / 4) % stems.length] ?? slot.subject.nameKy;
  const part = (index % 4) + 1;
  return schoolClass.language === 'ky' ? `${stem}. ${part}-сабак` : `${stem}. Урок ${part}`;
}

function homeworkFor(schoolClass: PlannedClass, index: number): string {
  const paragraph = Math.floor(index / 2) + 1;
  const exercise = (index % 12) * 3 + 1;
  return schoolClass.language === 'ky'
    ? `§${paragraph}, ${exercise}–${exercise + 2}-көнүгүүлөр`
    : `§${paragraph}, упр. ${exercise}–${exercise + 2}`;
}
