import path from 'node:path';
import type { Mirror } from '../../db/mirror';
import type { Language } from '../../db/schema';
import { periodCode } from '../../documents/class-copy/document-id';
import { printedDate } from '../../documents/format-date';
import { documentLabels, signatureSheetWords } from '../../documents/words';
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
  /** The subjects' names in the tracker's edition, by id (the board names them in Kyrgyz). */
  readonly subjectNames: ReadonlyMap<number, string>;
}

/** Every subject's name as the edition prints it. */
export function subjectNamesIn(mirror: Mirror, language: Language): ReadonlyMap<number, string> {
  const subjects = mirror.all(mirror.db.selectFrom('subject').select(['id', 'name_ky', 'name_ru']));
  return new Map(subjects.map((s) => [s.id, language === 'ru' ? s.name_ru : s.name_ky]));
}

/** Classes as the school lists them: by grade, then letter (2А before 11Б, which text order reverses). */
function schoolOrder(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}

const signable = (i: CloseItemView) => i.kind === 'subject_signature' || i.kind === 'title_certification';
const isOutstanding = (i: CloseItemView) => i.status === 'open' || i.status === 'voided';

/**
 * The printable signature tracker of days 3 and 4: one line per subject a teacher signs in a class
 * (two teachers of one subject's subgroups have a line each) and per title page a class teacher
 * certifies, by teacher and then by class in school order, so the deputy can walk the school with it.
 */
export function signatureSheetLayout(board: CloseBoard, options: SignatureSheetOptions): RegisterLayout {
  const w = signatureSheetWords(options.language);
  const subject = (i: CloseItemView) =>
    (i.subjectId === null ? undefined : options.subjectNames.get(i.subjectId)) ?? i.subjectName ?? '';
  const lines = board.items
    .filter(signable)
    .filter((i) => options.teacherId === null || i.teacherId === options.teacherId)
    .filter((i) => !options.outstandingOnly || isOutstanding(i))
    .sort(
      (a, b) =>
        (a.teacherName ?? '').localeCompare(b.teacherName ?? '') ||
        schoolOrder(a.className ?? '', b.className ?? '') ||
        subject(a).localeCompare(subject(b)),
    );
  const teacher = options.teacherId === null ? null : lines[0]?.teacherName;
  const rows = lines.map((i, n) => [
    n + 1,
    i.teacherName ?? '',
    i.className ?? '',
    i.kind === 'title_certification' ? w.titlePage : subject(i),
    i.kind === 'title_certification' && i.status === 'done' ? w.certified : w.status[i.status],
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
