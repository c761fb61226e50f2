import ExcelJS from 'exceljs';
import { MoorError } from '../../errors';
import { cellText, unreadableCell } from './cell';

/** Month names as the class journal page writes them (Russian and Kyrgyz pages), to month numbers. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['сентябрь', 9],
  ['октябрь', 10],
  ['ноябрь', 11],
  ['декабрь', 12],
  ['январь', 1],
  ['февраль', 2],
  ['март', 3],
  ['апрель', 4],
  ['май', 5],
  ['июнь', 6],
  ['август', 8],
  ['аяк оона', 9],
  ['тогуздун айы', 10],
  ['жетинин айы', 11],
  ['бештин айы', 12],
  ['үчтүн айы', 1],
  ['бирдин айы', 2],
  ['жалган куран', 3],
  ['чын куран', 4],
  ['бугу', 5],
]);

export interface DayColumn {
  column: number;
  address: string;
  month: number;
  day: number;
}

export interface IgnoredColumn {
  column: number;
  address: string;
  header: string;
}

export interface StudentRow {
  row: number;
  /** The name as written, without the "Выбыл(а) …" note. */
  name: string;
  leftOn: string | null;
  nameAddress: string;
  /** A cell's text, or what makes it unreadable (a date, TRUE, #N/A…). */
  cells: Map<number, { text: string; address: string; unreadable?: string }>;
}

export interface JournalSheet {
  name: string;
  subjectName: string;
  subgroupName: string | null;
  days: DayColumn[];
  finals: { quarter: number; column: number; address: string }[];
  /** Columns after the first day whose header is no day of the month: a typo, never skipped silently. */
  ignoredColumns: IgnoredColumn[];
  students: StudentRow[];
}

const FINAL_HEADER = /^([1-4])\s*ЧТ$/i;
const AVERAGE_HEADER = /^СР$/i;
const LEFT_NOTE = /\s*Выбыл(?:\(а\)|а)?(?:\s+(\d{2})\.(\d{2})\.(\d{4}))?\s*$/i;

/** Reads every sheet of a saved class journal into its parts; nothing is interpreted yet. */
export async function readJournalWorkbook(file: string, fileName: string): Promise<JournalSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new MoorError(
      'WORKBOOK_UNREADABLE',
      `${fileName} is not a readable Excel workbook (.xlsx): ${(error as Error).message}.`,
      { file: fileName },
    );
  }
  const sheets = workbook.worksheets.filter((s) => s.state === 'visible').map((s) => readSheet(s, fileName));
  if (sheets.length === 0) {
    throw new MoorError('WORKBOOK_EMPTY', `${fileName} has no sheets; expected one sheet per subject.`, {
      file: fileName,
    });
  }
  return sheets;
}

function splitSheetName(name: string): { subjectName: string; subgroupName: string | null } {
  const match = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(name);
  if (!match) return { subjectName: name.trim(), subgroupName: null };
  return { subjectName: (match[1] ?? '').trim(), subgroupName: (match[2] ?? '').trim() };
}

function findMonthRow(sheet: ExcelJS.Worksheet): number | undefined {
  const limit = Math.min(sheet.rowCount, 15);
  for (let r = 1; r <= limit; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      if (MONTHS.has(cellText(row.getCell(c).value).toLowerCase())) return r;
    }
  }
  return undefined;
}

function readSheet(sheet: ExcelJS.Worksheet, fileName: string): JournalSheet {
  const where = `${fileName}, sheet "${sheet.name}"`;
  const monthRowNumber = findMonthRow(sheet);
  if (monthRowNumber === undefined) {
    throw new MoorError(
      'WORKBOOK_LAYOUT',
      `${where}: no row of month names (Сентябрь … Май) in the first 15 rows; this is not a class journal page.`,
      { file: fileName, sheet: sheet.name },
    );
  }
  const monthRow = sheet.getRow(monthRowNumber);
  const dayRow = sheet.getRow(monthRowNumber + 1);
  const days: DayColumn[] = [];
  const finals: JournalSheet['finals'] = [];
  const ignoredColumns: IgnoredColumn[] = [];
  let month: number | undefined;
  let firstDayColumn: number | undefined;
  const width = Math.max(monthRow.cellCount, dayRow.cellCount);
  for (let c = 1; c <= width; c++) {
    const monthText = cellText(monthRow.getCell(c).value).toLowerCase();
    const dayCell = dayRow.getCell(c);
    const dayText = cellText(dayCell.value);
    const header = dayText || cellText(monthRow.getCell(c).value);
    const final = FINAL_HEADER.exec(header);
    if (final) {
      finals.push({ quarter: Number(final[1]), column: c, address: dayCell.address });
      continue;
    }
    if (AVERAGE_HEADER.test(header)) continue;
    if (MONTHS.has(monthText)) month = MONTHS.get(monthText);
    if (month === undefined || dayText === '') continue;
    const day = Number(dayText);
    if (!Number.isInteger(day) || day < 1 || day > 31) {
      if (firstDayColumn !== undefined)
        ignoredColumns.push({ column: c, address: dayCell.address, header: dayText });
      continue;
    }
    firstDayColumn ??= c;
    days.push({ column: c, address: dayCell.address, month, day });
  }
  if (firstDayColumn === undefined) {
    throw new MoorError(
      'WORKBOOK_LAYOUT',
      `${where}: no day numbers under the month names (row ${monthRowNumber + 1}).`,
      {
        file: fileName,
        sheet: sheet.name,
        row: monthRowNumber + 1,
      },
    );
  }
  const nameColumn = firstDayColumn - 1;
  if (nameColumn < 1) {
    throw new MoorError('WORKBOOK_LAYOUT', `${where}: no column of student names left of the first day.`, {
      file: fileName,
      sheet: sheet.name,
    });
  }
  const students: StudentRow[] = [];
  for (let r = monthRowNumber + 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const nameCell = row.getCell(nameColumn);
    const written = cellText(nameCell.value).replace(/\s+/g, ' ');
    if (written === '') {
      // The class list ends at the first empty name; signatures or notes may follow.
      if (students.length > 0) break;
      continue;
    }
    const left = LEFT_NOTE.exec(written);
    const leftOn = left?.[3] === undefined ? null : `${left[3]}-${left[2] ?? ''}-${left[1] ?? ''}`;
    const cells: StudentRow['cells'] = new Map();
    for (const column of [...days.map((d) => d.column), ...finals.map((f) => f.column)]) {
      const cell = row.getCell(column);
      const unreadable = unreadableCell(cell.value);
      cells.set(column, {
        text: cellText(cell.value),
        address: cell.address,
        ...(unreadable === undefined ? {} : { unreadable }),
      });
    }
    students.push({
      row: r,
      name: left ? written.slice(0, left.index).trim() : written,
      leftOn,
      nameAddress: nameCell.address,
      cells,
    });
  }
  return { name: sheet.name, ...splitSheetName(sheet.name), days, finals, ignoredColumns, students };
}
