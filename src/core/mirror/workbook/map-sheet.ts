import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import type { ErrorCode } from '../../../shared/error-codes';
import type { Row, SyncBatch } from '../batch';
import { columnNames } from '../bundle/columns';
import type { IdAllocator } from '../id-allocator';
import { DAY_CELL_EXPECTED, FINAL_EXPECTED, parseFinalCell, parseJournalCell } from './cell';
import { columnDate, matchStudent, type ClassQuarter, type EnrolledStudent } from './class-context';
import type { JournalSheet } from './read';
import type { SheetSubject } from './sheet-subject';

export interface SheetInput {
  mirror: Mirror;
  sheet: JournalSheet;
  subject: SheetSubject;
  classQuarter: ClassQuarter;
  students: readonly EnrolledStudent[];
  ids: IdAllocator;
  seenAt: string;
  fileName: string;
  /** Warn about an unreadable cell or day column and keep what the mirror has there. */
  skipUnreadable: boolean;
}

type Scope = Exclude<SyncBatch['scope'], 'everything'>;

function selectRows(mirror: Mirror, table: string, where: string, ...params: unknown[]): Row[] {
  const columns = columnNames(table as 'lesson')
    .map((c) => `"${c}"`)
    .join(', ');
  return mirror.sqlite
    .prepare(`SELECT ${columns} FROM "${table}" WHERE ${where} ORDER BY id`)
    .all(...params) as Row[];
}

function groupBy<K>(rows: Row[], key: (r: Row) => K): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k) ?? [];
    list.push(row);
    groups.set(k, list);
  }
  return groups;
}

/** Maps one subject sheet onto the mirror: its lessons, marks, absences and quarter marks. */
export function mapSheet(input: SheetInput, batch: SyncBatch, scope: Scope): void {
  const { mirror, sheet, subject, classQuarter: cq, ids, seenAt } = input;
  const where = `${input.fileName}, sheet "${sheet.name}"`;
  const fail = (code: ErrorCode, address: string, message: string): never => {
    throw new MoorError(code, `${where}, cell ${address}: ${message}`, {
      file: input.fileName,
      sheet: sheet.name,
      cell: address,
    });
  };

  // Read as empty, the cell would remove the mirror's marks there: it is named instead, or, when
  // asked to skip it, left out with the mirror's entries there kept.
  const unreadable = (cell: { address: string; unreadable?: string }): void => {
    if (!input.skipUnreadable) {
      fail(
        'WORKBOOK_CELL',
        cell.address,
        `holds ${cell.unreadable ?? '?'}, which is no journal entry; expected ${DAY_CELL_EXPECTED}. Nothing was changed.`,
      );
    }
    batch.warnings.push(
      `${where}, cell ${cell.address}: holds ${cell.unreadable ?? '?'}, which is no journal entry; it was not read and the mirror's entries there were kept.`,
    );
  };
  const dated = sheet.days.map((d) => {
    const date = columnDate(cq.yearStartsOn, d.month, d.day);
    if (date === undefined)
      return fail('WORKBOOK_DATE', d.address, `day ${d.day} does not exist in month ${d.month}.`);
    if (date < cq.startsOn || date > cq.endsOn) {
      return fail(
        'WORKBOOK_DATE',
        d.address,
        `${date} lies outside quarter ${cq.quarter} (${cq.startsOn} – ${cq.endsOn}); expected a date inside it.`,
      );
    }
    return { ...d, date };
  });

  const rows = sheet.students.map((s) => {
    const found = matchStudent(s.name, input.students, subject.memberIds);
    if (found.length === 0) {
      return fail(
        'WORKBOOK_STUDENT',
        s.nameAddress,
        `"${s.name}" is not on the class list of ${cq.className}; expected a student of the class as "Фамилия И.".`,
      );
    }
    if (found.length > 1) {
      return fail(
        'WORKBOOK_STUDENT',
        s.nameAddress,
        `"${s.name}" could be ${found.length} students of ${cq.className}.`,
      );
    }
    const student = found[0] as EnrolledStudent;
    if (s.leftOn !== null && student.leftOn !== s.leftOn) {
      batch.warnings.push(
        `${where}, cell ${s.nameAddress}: the journal says the student left on ${s.leftOn}; the mirror says ${student.leftOn ?? 'still enrolled'}.`,
      );
    }
    return { sheetRow: s, studentId: student.id };
  });
  const seenStudents = new Set<number>();
  for (const r of rows) {
    if (seenStudents.has(r.studentId))
      fail('WORKBOOK_STUDENT', r.sheetRow.nameAddress, 'this student appears twice.');
    seenStudents.add(r.studentId);
  }

  if (dated.length > 0) {
    const lastDate = dated.map((d) => d.date).reduce((a, b) => (a > b ? a : b));
    const lessonScope = {
      classId: cq.classId,
      subjectId: subject.subjectId,
      subgroupId: subject.subgroupId,
      from: cq.startsOn,
      to: lastDate,
    };
    scope.lessons.push(lessonScope);
    const existing = selectRows(
      mirror,
      'lesson',
      'class_id = ? AND subject_id = ? AND subgroup_id IS ? AND date BETWEEN ? AND ?',
      cq.classId,
      subject.subjectId,
      subject.subgroupId,
      cq.startsOn,
      lastDate,
    ).sort((a, b) => Number(a.lesson_number) - Number(b.lesson_number) || Number(a.id) - Number(b.id));
    const byDate = groupBy(existing, (l) => String(l.date));
    const lessonIds = existing.map((l) => l.id);
    // A lesson's marks and absences, by lesson and student.
    const entriesOf = (table: 'mark' | 'attendance') =>
      groupBy(
        lessonIds.length === 0
          ? []
          : selectRows(
              mirror,
              table,
              `lesson_id IN (SELECT value FROM json_each(?))`,
              JSON.stringify(lessonIds),
            ),
        (r) => `${String(r.lesson_id)}:${String(r.student_id)}`,
      );
    const marksOf = entriesOf('mark');
    const absenceOf = entriesOf('attendance');
    const matched = new Set<unknown>();
    const ordinal = new Map<string, number>();
    for (const day of dated) {
      const k = ordinal.get(day.date) ?? 0;
      ordinal.set(day.date, k + 1);
      const lesson: Row = byDate.get(day.date)?.[k] ?? {
        id: ids.next('lesson'),
        class_id: cq.classId,
        subject_id: subject.subjectId,
        subgroup_id: subject.subgroupId,
        teacher_id: subject.teacherId,
        date: day.date,
        lesson_number: k + 1,
        topic: null,
        homework: null,
        is_substitution: 0,
        entered_at: seenAt,
        source_ref: `workbook:${cq.classId}:${subject.subjectId}:${subject.subgroupId ?? '-'}:${day.date}:${k + 1}`,
        raw: null,
      };
      batch.lessons.push(lesson);
      matched.add(lesson.id);
      for (const { sheetRow, studentId } of rows) {
        const cell = sheetRow.cells.get(day.column);
        if (cell === undefined) continue;
        const key = `${String(lesson.id)}:${studentId}`;
        if (cell.unreadable !== undefined) {
          unreadable(cell);
          batch.marks.push(...(marksOf.get(key) ?? []));
          batch.attendance.push(...(absenceOf.get(key) ?? []));
          continue;
        }
        const parsed = parseJournalCell(cell.text);
        if (!parsed.ok)
          fail('WORKBOOK_CELL', cell.address, `found "${parsed.found}"; expected ${DAY_CELL_EXPECTED}.`);
        const { marks, absence } = parsed.ok ? parsed.cell : { marks: [], absence: null };
        const known = marksOf.get(key) ?? [];
        marks.forEach((value, i) => {
          const before = known[i];
          const numeric = /^[1-5]$/.test(value) ? Number(value) : null;
          if (before !== undefined && before.value === value) batch.marks.push(before);
          else if (before !== undefined) {
            batch.marks.push({
              ...before,
              value,
              numeric_value: numeric,
              previous_value: before.value ?? null,
              changed_at: seenAt,
            });
          } else {
            batch.marks.push({
              id: ids.next('mark'),
              lesson_id: lesson.id as number,
              student_id: studentId,
              value,
              numeric_value: numeric,
              mark_type: 'general',
              previous_value: null,
              entered_at: seenAt,
              changed_at: seenAt,
              source_ref: null,
              raw: null,
            });
          }
        });
        const present = absenceOf.get(key)?.[0];
        if (absence !== null) {
          batch.attendance.push(
            present === undefined
              ? {
                  id: ids.next('attendance'),
                  lesson_id: lesson.id as number,
                  student_id: studentId,
                  kind: 'absent',
                  reason: absence,
                  late_minutes: null,
                  entered_at: seenAt,
                  source_ref: null,
                }
              : { ...present, kind: 'absent', reason: absence, late_minutes: null },
          );
        } else if (present?.kind === 'late') {
          // The journal page cannot show lateness: keep what the mirror knows.
          batch.attendance.push(present);
        }
      }
    }
    keepUnreadColumns(input, dated, existing, matched, marksOf, absenceOf, batch);
  }

  mapFinals(input, rows, batch, scope, fail, unreadable);
}

function mapFinals(
  input: SheetInput,
  rows: { sheetRow: JournalSheet['students'][number]; studentId: number }[],
  batch: SyncBatch,
  scope: Scope,
  fail: (code: ErrorCode, address: string, message: string) => never,
  unreadable: (cell: { address: string; unreadable?: string }) => void,
): void {
  const { mirror, sheet, subject, classQuarter: cq, ids, seenAt } = input;
  for (const column of sheet.finals) {
    const period = mirror.first(
      mirror.db
        .selectFrom('reporting_period')
        .select('id')
        .where('academic_year_id', '=', cq.academicYearId)
        .where('kind', '=', 'quarter')
        .where('number', '=', column.quarter),
    );
    if (period === undefined) {
      return fail(
        'WORKBOOK_PERIOD',
        column.address,
        `quarter ${column.quarter} is not in the mirror's calendar.`,
      );
    }
    const studentIds = rows.map((r) => r.studentId);
    scope.finals.push({ classId: cq.classId, periodId: period.id, subjectId: subject.subjectId, studentIds });
    const existing = new Map(
      selectRows(
        mirror,
        'period_final',
        'class_id = ? AND subject_id = ? AND period_id = ?',
        cq.classId,
        subject.subjectId,
        period.id,
      ).map((f) => [f.student_id as number, f]),
    );
    for (const { sheetRow, studentId } of rows) {
      const cell = sheetRow.cells.get(column.column);
      if (cell === undefined) continue;
      if (cell.unreadable !== undefined) {
        unreadable(cell);
        const kept = existing.get(studentId);
        if (kept !== undefined) batch.finals.push(kept);
        continue;
      }
      const value = parseFinalCell(cell.text);
      if (value === undefined)
        fail('WORKBOOK_CELL', cell.address, `found "${cell.text}"; expected ${FINAL_EXPECTED}.`);
      if (value == null) continue;
      const before = existing.get(studentId);
      const numeric = /^[1-5]$/.test(value) ? Number(value) : null;
      if (before !== undefined && before.value === value) batch.finals.push(before);
      else if (before !== undefined)
        batch.finals.push({ ...before, value, numeric_value: numeric, changed_at: seenAt });
      else {
        batch.finals.push({
          id: ids.next('period_final'),
          student_id: studentId,
          class_id: cq.classId,
          subject_id: subject.subjectId,
          period_id: period.id,
          value,
          numeric_value: numeric,
          entered_at: seenAt,
          changed_at: seenAt,
          source_ref: null,
          raw: null,
        });
      }
    }
  }
}

/**
 * A day column whose header could not be read stands for a lesson somewhere between its
 * neighbours' days: the mirror's lessons there that no read column claimed are kept, with their
 * marks and absences, and the column is named in a warning.
 */
function keepUnreadColumns(
  input: SheetInput,
  dated: readonly { column: number; date: string }[],
  existing: readonly Row[],
  matched: ReadonlySet<unknown>,
  marksOf: ReadonlyMap<string, Row[]>,
  absenceOf: ReadonlyMap<string, Row[]>,
  batch: SyncBatch,
): void {
  const { sheet, classQuarter: cq } = input;
  const lastDate = dated.map((d) => d.date).reduce((a, b) => (a > b ? a : b), cq.startsOn);
  const kept = new Set<unknown>();
  for (const column of sheet.ignoredColumns) {
    const before = dated.filter((d) => d.column < column.column).at(-1)?.date ?? cq.startsOn;
    const after = dated.find((d) => d.column > column.column)?.date ?? lastDate;
    const lessons = existing.filter(
      (l) => !matched.has(l.id) && !kept.has(l.id) && String(l.date) >= before && String(l.date) <= after,
    );
    for (const lesson of lessons) kept.add(lesson.id);
    batch.lessons.push(...lessons);
    batch.warnings.push(
      `${input.fileName}, sheet "${sheet.name}": the day header ${column.address} "${column.header}" is not a day of the month 1–31; ` +
        `the column was not read and the mirror's ${lessons.length} lesson(s) between ${before} and ${after} were kept with their marks and absences.`,
    );
  }
  const ofKept = (entries: ReadonlyMap<string, Row[]>) =>
    [...entries.values()].flat().filter((r) => kept.has(r.lesson_id));
  batch.marks.push(...ofKept(marksOf));
  batch.attendance.push(...ofKept(absenceOf));
}
