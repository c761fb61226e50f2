import { addDays } from './calendar';
import type { MirrorDataset } from './dataset';
import { faultRates } from './faults';
import { tallyKey, type MarkTally } from './journal-generator';
import type { SeededRandom } from './random';
import type { PlannedClass, PlannedStudent, SchoolPlan } from './school-plan';

const PE_EXEMPT_CHANCE = 0.01;

/** Grades 10–11 are marked by half-year, the rest by quarter; every marked grade gets a year mark. */
function finalPeriods(
  grade: number,
): { kind: 'quarter' | 'half_year'; number: number; quarters: number[] }[] {
  if (grade >= 10) {
    return [
      { kind: 'half_year', number: 1, quarters: [1, 2] },
      { kind: 'half_year', number: 2, quarters: [3, 4] },
    ];
  }
  return [1, 2, 3, 4].map((q) => ({ kind: 'quarter' as const, number: q, quarters: [q] }));
}

function farFrom(rounded: number): number {
  return rounded <= 3 ? rounded + 2 : rounded - 2;
}

/** Writes period and year finals from the tallied current marks, with the faults real journals have. */
export function generateClassFinals(
  random: SeededRandom,
  plan: SchoolPlan,
  schoolClass: PlannedClass,
  data: MirrorDataset,
  tally: MarkTally,
): void {
  if (schoolClass.grade < 2) return;
  const subjects = [
    ...new Map(schoolClass.timetable.map((slot) => [slot.subjectId, slot.subject])).entries(),
  ];
  const yearPeriod = plan.calendar.periods.find((p) => p.kind === 'year');
  for (const student of schoolClass.students) {
    const peExempt = random.chance(PE_EXEMPT_CHANCE);
    for (const [subjectId, subject] of subjects) {
      const exempt = peExempt && subject.code === 'physical-education';
      const periodValues: number[] = [];
      for (const period of finalPeriods(schoolClass.grade)) {
        const calendarPeriod = plan.calendar.periods.find(
          (p) => p.kind === period.kind && p.number === period.number,
        );
        if (!calendarPeriod || !attendedThrough(student, calendarPeriod.startsOn, calendarPeriod.endsOn))
          continue;
        let sum = 0;
        let count = 0;
        for (const quarter of period.quarters) {
          const sums = tally.get(tallyKey(student.id, subjectId, quarter));
          sum += sums?.sum ?? 0;
          count += sums?.count ?? 0;
        }
        if (random.chance(faultRates.missingFinal)) continue;
        let value: string;
        if (exempt) value = 'осв';
        else if (count === 0) value = 'н/а';
        else {
          const rounded = Math.round(sum / count);
          const numeric = random.chance(faultRates.finalFarFromAverage) ? farFrom(rounded) : rounded;
          periodValues.push(numeric);
          value = String(numeric);
        }
        pushFinal(
          random,
          data,
          plan,
          student.id,
          schoolClass.id,
          subjectId,
          period.kind,
          period.number,
          value,
          calendarPeriod.endsOn,
        );
      }
      if (!yearPeriod || student.leftOn !== null) continue;
      const yearValue = exempt
        ? 'осв'
        : periodValues.length === 0
          ? 'н/а'
          : String(Math.round(periodValues.reduce((a, b) => a + b, 0) / periodValues.length));
      pushFinal(
        random,
        data,
        plan,
        student.id,
        schoolClass.id,
        subjectId,
        'year',
        1,
        yearValue,
        yearPeriod.endsOn,
      );
    }
  }
}

/** A student gets a period final when enrolled at the period's end. */
function attendedThrough(student: PlannedStudent, startsOn: string, endsOn: string): boolean {
  return (
    student.joinedOn <= endsOn && (student.leftOn === null || student.leftOn >= endsOn) && startsOn <= endsOn
  );
}

function pushFinal(
  random: SeededRandom,
  data: MirrorDataset,
  plan: SchoolPlan,
  studentId: number,
  classId: number,
  subjectId: number,
  kind: 'quarter' | 'half_year' | 'year',
  number: number,
  value: string,
  periodEnd: string,
): void {
  const enteredAt = `${addDays(periodEnd, random.int(-3, 0))}T${String(random.int(3, 12)).padStart(2, '0')}:00:00.000Z`;
  const numeric = Number(value);
  data.period_final.push({
    id: data.period_final.length + 1,
    student_id: studentId,
    class_id: classId,
    subject_id: subjectId,
    period_id: plan.periodIds.get(`${kind}:${number}`) ?? 0,
    value,
    numeric_value: Number.isFinite(numeric) ? numeric : null,
    entered_at: enteredAt,
    changed_at: enteredAt,
    source_ref: null,
    raw: null,
  });
}
