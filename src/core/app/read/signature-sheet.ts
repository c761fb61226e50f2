import path from 'node:path';
import type { Language } from '../../db/schema';
import { periodCode } from '../../documents/class-copy/document-id';
import { printedDate } from '../../documents/format-date';
import { documentLabels } from '../../documents/labels';
import { renderRegisterPdf, renderRegisterXlsx, type RegisterLayout } from '../../documents';
import type { CloseBoard, CloseItemView, CloseSheetView } from '../../../shared/views';

/** Which lines the printed tracker holds: every signature, or what one teacher still owes. */
export interface SignatureSheetOptions {
  readonly language: Language;
  readonly teacherId: number | null;
  readonly outstandingOnly: boolean;
  readonly schoolName: string;
  readonly deputyName: string;
  readonly createdAt: string;
}

interface SheetWords {
  title: string;
  outstandingTitle: string;
  teacher: string;
  titlePage: string;
  columns: RegisterLayout['columns'];
  status: Record<CloseItemView['status'], string>;
  deputy: string;
  nothing: string;
}

const words: Record<Language, SheetWords> = {
  ky: {
    title: 'Кагаз көчүрмөлөргө кол коюу жана титулдук барактарды күбөлөндүрүү',
    outstandingTitle: 'Кол коюла элек барактар',
    teacher: 'Мугалим',
    titlePage: 'Титулдук барак',
    columns: [
      { header: '№', weight: 0.8, align: 'center' },
      { header: 'Мугалим', weight: 5 },
      { header: 'Класс', weight: 1.2, align: 'center' },
      { header: 'Предмет', weight: 4 },
      { header: 'Абалы', weight: 4 },
      { header: 'Кол коюлган күнү', weight: 2, align: 'center' },
      { header: 'Колу', weight: 2.5 },
    ],
    status: {
      open: 'күтүүдө',
      done: 'кол коюлду',
      voided: 'кайра керек: көчүрмө кайра басылды',
      overridden: 'себеп менен жабылды',
    },
    deputy: 'Директордун орун басары',
    nothing: 'Кол коюла турган барак калган жок',
  },
  ru: {
    title: 'Подписи в бумажных копиях и заверение титульных листов',
    outstandingTitle: 'Неподписанные страницы',
    teacher: 'Учитель',
    titlePage: 'Титульный лист',
    columns: [
      { header: '№', weight: 0.8, align: 'center' },
      { header: 'Учитель', weight: 5 },
      { header: 'Класс', weight: 1.2, align: 'center' },
      { header: 'Предмет', weight: 4 },
      { header: 'Состояние', weight: 4 },
      { header: 'Дата подписи', weight: 2, align: 'center' },
      { header: 'Подпись', weight: 2.5 },
    ],
    status: {
      open: 'ожидается',
      done: 'подписано',
      voided: 'нужна заново: копия перепечатана',
      overridden: 'закрыто с указанием причины',
    },
    deputy: 'Заместитель директора',
    nothing: 'Неподписанных страниц нет',
  },
};

const signable = (i: CloseItemView) => i.kind === 'subject_signature' || i.kind === 'title_certification';
const isOutstanding = (i: CloseItemView) => i.status === 'open' || i.status === 'voided';

/**
 * The printable signature tracker of days 3 and 4: one line per page a teacher signs (and per
 * title page a class teacher certifies), by teacher, so the deputy can walk the school with it.
 */
export function signatureSheetLayout(board: CloseBoard, options: SignatureSheetOptions): RegisterLayout {
  const w = words[options.language];
  const lines = board.items
    .filter(signable)
    .filter((i) => options.teacherId === null || i.teacherId === options.teacherId)
    .filter((i) => !options.outstandingOnly || isOutstanding(i))
    .sort(
      (a, b) =>
        (a.teacherName ?? '').localeCompare(b.teacherName ?? '') ||
        (a.className ?? '').localeCompare(b.className ?? '') ||
        (a.subjectName ?? '').localeCompare(b.subjectName ?? ''),
    );
  const teacher = options.teacherId === null ? null : lines[0]?.teacherName;
  const rows = lines.map((i, n) => [
    n + 1,
    i.teacherName ?? '',
    i.className ?? '',
    i.kind === 'title_certification' ? w.titlePage : (i.subjectName ?? ''),
    w.status[i.status],
    i.status === 'done' && i.signedOn ? printedDate(i.signedOn) : '',
    '',
  ]);
  return {
    id: `SIGN-${periodCode(board.period.kind, board.period.number)}-${board.closeId}-${options.language}`,
    language: options.language,
    createdAt: options.createdAt,
    title: options.outstandingOnly ? w.outstandingTitle : w.title,
    subtitle: [
      options.schoolName,
      `${documentLabels(options.language).periodName(board.period.kind, board.period.number)} (${printedDate(board.period.startsOn)} – ${printedDate(board.period.endsOn)})`,
      ...(teacher ? [`${w.teacher}: ${teacher}`] : []),
      ...(rows.length === 0 ? [w.nothing] : []),
    ],
    orientation: 'portrait',
    columns: w.columns,
    rows,
    signatures: [{ role: w.deputy, name: options.deputyName }],
  };
}

/** Prints the tracker as PDF and XLSX with the registers' renderer, into `folder`. */
export async function printSignatureSheet(
  board: CloseBoard,
  options: SignatureSheetOptions,
  folder: string,
): Promise<CloseSheetView> {
  const layout = signatureSheetLayout(board, options);
  const who = options.teacherId === null ? 'all' : `teacher-${options.teacherId}`;
  const base = path.join(folder, `${layout.id}-${who}${options.outstandingOnly ? '-outstanding' : ''}`);
  const pdf = await renderRegisterPdf(layout, `${base}.pdf`);
  const xlsx = await renderRegisterXlsx(layout, `${base}.xlsx`);
  return { pdfPath: pdf.path, xlsxPath: xlsx.path, folder, pages: pdf.pages, shortHash: pdf.shortHash };
}
