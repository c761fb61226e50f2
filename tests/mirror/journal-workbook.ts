import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Mirror } from '../../src/core/db/mirror';
import { formatJournalCell, NOT_ATTESTED } from '../../src/core/mirror/workbook/cell';
import { monthHeadings } from '../../src/shared/month-names';

interface Sheet {
  name: string;
  subjectId: number;
  subgroupId: number | null;
}

/**
 * Writes a class's quarter as Kundoluk's class journal page saves it to Excel: one sheet per
 * subject (and subgroup), a row of month names, a row of day numbers, a row per student with
 * marks and absence codes joined by "·", then СР and the quarter mark.
 */
export async function writeJournalWorkbook(
  mirror: Mirror,
  file: string,
  classId: number,
  quarter: number,
): Promise<void> {
  const db = mirror.sqlite;
  const period = db
    .prepare(
      `SELECT p.id, p.starts_on, p.ends_on FROM reporting_period p JOIN class c ON c.academic_year_id = p.academic_year_id
       WHERE c.id = ? AND p.kind = 'quarter' AND p.number = ?`,
    )
    .get(classId, quarter) as { id: number; starts_on: string; ends_on: string };
  const sheets = db
    .prepare(
      `SELECT DISTINCT s.name_ru AS subject, s.short_ru AS short, t.subject_id AS subjectId, t.subgroup_id AS subgroupId, g.name AS groupName
       FROM teaching_assignment t JOIN subject s ON s.id = t.subject_id LEFT JOIN subgroup g ON g.id = t.subgroup_id
       WHERE t.class_id = ? ORDER BY t.id`,
    )
    .all(classId) as {
    subject: string;
    short: string;
    subjectId: number;
    subgroupId: number | null;
    groupName: string | null;
  }[];
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const group = s.groupName === null ? '' : ` (${s.groupName})`;
    // Excel allows 31 characters in a sheet name; long subject names go by their short form.
    const sheet: Sheet = {
      name: `${s.subject}${group}`.length <= 31 ? `${s.subject}${group}` : `${s.short}${group}`,
      subjectId: s.subjectId,
      subgroupId: s.subgroupId,
    };
    writeSheet(mirror, workbook, sheet, classId, quarter, period);
  }
  await workbook.xlsx.writeFile(file);
}

function writeSheet(
  mirror: Mirror,
  workbook: ExcelJS.Workbook,
  sheet: Sheet,
  classId: number,
  quarter: number,
  period: { id: number; starts_on: string; ends_on: string },
): void {
  const db = mirror.sqlite;
  const ws = workbook.addWorksheet(sheet.name);
  const lessons = db
    .prepare(
      `SELECT id, date FROM lesson WHERE class_id = ? AND subject_id = ? AND subgroup_id IS ? AND date BETWEEN ? AND ?
       ORDER BY date, lesson_number, id`,
    )
    .all(classId, sheet.subjectId, sheet.subgroupId, period.starts_on, period.ends_on) as {
    id: number;
    date: string;
  }[];
  const students = (
    sheet.subgroupId === null
      ? db
          .prepare(
            `SELECT s.id, s.last_name, s.first_name, e.left_on FROM enrollment e JOIN student s ON s.id = e.student_id
           WHERE e.class_id = ? ORDER BY s.last_name, s.first_name`,
          )
          .all(classId)
      : db
          .prepare(
            `SELECT s.id, s.last_name, s.first_name, e.left_on FROM subgroup_member m JOIN student s ON s.id = m.student_id
           JOIN enrollment e ON e.student_id = s.id AND e.class_id = ? WHERE m.subgroup_id = ? ORDER BY s.last_name, s.first_name`,
          )
          .all(classId, sheet.subgroupId)
  ) as { id: number; last_name: string; first_name: string; left_on: string | null }[];
  ws.getCell(1, 1).value = `Класс журналы — ${sheet.name}`;
  ws.getCell(2, 2).value = 'Фамилия, имя';
  let lastMonth = '';
  lessons.forEach((lesson, i) => {
    const month = monthHeadings[Number(lesson.date.slice(5, 7))] ?? '';
    if (month !== lastMonth) ws.getCell(2, 3 + i).value = month;
    lastMonth = month;
    ws.getCell(3, 3 + i).value = Number(lesson.date.slice(8, 10));
  });
  const average = 3 + lessons.length;
  ws.getCell(3, average).value = 'СР';
  ws.getCell(3, average + 1).value = `${quarter} ЧТ`;
  const marks = db.prepare('SELECT value FROM mark WHERE lesson_id = ? AND student_id = ? ORDER BY id');
  const absence = db.prepare(
    "SELECT reason FROM attendance WHERE lesson_id = ? AND student_id = ? AND kind = 'absent'",
  );
  const final = db.prepare(
    'SELECT value FROM period_final WHERE student_id = ? AND subject_id = ? AND period_id = ?',
  );
  students.forEach((student, r) => {
    const row = 4 + r;
    const twins = students.filter(
      (o) => o.last_name === student.last_name && o.first_name[0] === student.first_name[0],
    );
    const name =
      twins.length > 1
        ? `${student.last_name} ${student.first_name}`
        : `${student.last_name} ${student.first_name[0] ?? ''}.`;
    const left =
      student.left_on === null ? '' : ` Выбыл(а) ${student.left_on.split('-').reverse().join('.')}`;
    ws.getCell(row, 1).value = r + 1;
    ws.getCell(row, 2).value = `${name}${left}`;
    lessons.forEach((lesson, i) => {
      const values = (marks.all(lesson.id, student.id) as { value: string }[]).map((m) => m.value);
      const reason =
        (absence.get(lesson.id, student.id) as { reason: 'Н' | 'Б' | 'У' } | undefined)?.reason ?? null;
      const text = formatJournalCell({ marks: values, absence: reason });
      if (text !== '') ws.getCell(row, 3 + i).value = /^[1-5]$/.test(text) ? Number(text) : text;
    });
    const value = (final.get(student.id, sheet.subjectId, period.id) as { value: string } | undefined)?.value;
    if (value !== undefined) {
      ws.getCell(row, average + 1).value =
        value === NOT_ATTESTED ? 'Н/А' : value === 'осв' ? 'осв.' : Number(value);
    }
  });
}

export interface UnknownStudentCopy {
  /** The copy: the same name in a `broken` folder beside the workbook. */
  file: string;
  /** Where the unknown name stands, as the import's error names it. */
  sheet: string;
  cell: string;
}

/** A copy of a saved workbook whose first sheet has its first student renamed to one not on the class list. */
export async function copyWithUnknownStudent(file: string): Promise<UnknownStudentCopy> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  let address = '';
  // Row 4 is the first student's (writeSheet); the name is the cell that reads "Surname I.".
  sheet.getRow(4).eachCell((cell) => {
    if (address === '' && typeof cell.value === 'string' && /\p{L}+ \p{L}\./u.test(cell.value)) {
      cell.value = 'Белгисиз Б.';
      address = cell.address;
    }
  });
  const broken = path.join(path.dirname(file), 'broken', path.basename(file));
  fs.mkdirSync(path.dirname(broken));
  await book.xlsx.writeFile(broken);
  return { file: broken, sheet: sheet.name, cell: address };
}
