import path from 'node:path';
import type { Mirror } from '../db/mirror';
import type { Language } from '../db/schema';
import { printedDate } from '../documents/format-date';
import type { Block, DocumentSpec } from '../documents/layout/model';
import { fingerprintOf, shortHash } from '../documents/short-hash';
import { periodCode } from '../documents/class-copy/document-id';
import { writePdf } from '../documents/write-document';
import { checklistWords, documentLabels, type ChecklistWords } from '../documents/words';
import type { Finding } from './finding';
import type { CheckItem, CheckReport } from './run-checks';

export interface WrittenChecklist {
  teacherId: number;
  teacherName: string;
  path: string;
  pages: number;
  findings: number;
}

interface Names {
  staff: Map<number, string>;
  students: Map<number, string>;
  classes: Map<number, string>;
  subjects: Map<number, string>;
}

/** School time (UTC+6) as the check list prints it: "03.10.2025 00:01". */
function localTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + 6 * 3_600_000).toISOString();
  return `${printedDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

function loadNames(mirror: Mirror, report: CheckReport, language: Language): Names {
  const studentIds = [
    ...new Set(report.items.flatMap((i) => i.findings.map((f) => f.studentId)).filter((id) => id !== null)),
  ];
  const students = mirror.sqlite
    .prepare<[string], { id: number; last_name: string; first_name: string }>(
      'SELECT id, last_name, first_name FROM student WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(studentIds));
  const labels = documentLabels(language);
  return {
    staff: new Map(
      mirror
        .all(mirror.db.selectFrom('staff').select(['id', 'last_name', 'first_name', 'middle_name']))
        .map((s) => [s.id, [s.last_name, s.first_name, s.middle_name].filter(Boolean).join(' ')]),
    ),
    students: new Map(students.map((s) => [s.id, `${s.last_name} ${s.first_name}`])),
    classes: new Map(
      mirror
        .all(mirror.db.selectFrom('class').select(['id', 'grade', 'letter']))
        .map((c) => [c.id, labels.className(c.grade, c.letter)]),
    ),
    subjects: new Map(
      mirror
        .all(mirror.db.selectFrom('subject').select(['id', 'name_ky', 'name_ru']))
        .map((s) => [s.id, language === 'ru' ? s.name_ru : s.name_ky]),
    ),
  };
}

function against(finding: Finding, words: ChecklistWords, names: Names): string {
  const reference = finding.reference ?? '';
  switch (finding.rule) {
    case 'few_marks':
      return words.marks(finding.value ?? '0');
    case 'final_far_from_average':
      return words.average(reference);
    case 'late_mark': {
      const [entered = '', deadline = ''] = reference.split(' > ');
      return words.entered(localTime(entered), localTime(deadline));
    }
    case 'corrected_mark':
      return words.changedOn(localTime(reference));
    case 'removed_mark':
      return words.removedSeen(localTime(reference));
    case 'unrecorded_substitution':
      return words.taughtBy(names.staff.get(Number(finding.value)) ?? '');
    case 'not_synced':
      return finding.value === null ? words.neverSynced : words.syncedThrough(printedDate(finding.value));
    default:
      return '';
  }
}

function findingCells(finding: Finding, index: number, words: ChecklistWords, names: Names) {
  const who = finding.studentId === null ? words.lesson : (names.students.get(finding.studentId) ?? '');
  const value =
    finding.rule === 'unrecorded_substitution' ||
    finding.rule === 'few_marks' ||
    finding.rule === 'not_synced'
      ? ''
      : (finding.value ?? '');
  return [
    { value: index + 1 },
    { value: words.rules[finding.rule] },
    { value: who },
    { value: finding.lessonDate === null ? '' : printedDate(finding.lessonDate) },
    { value },
    { value: against(finding, words, names) },
  ];
}

function itemBlocks(item: CheckItem, words: ChecklistWords, names: Names): Block[] {
  const heading = `${names.classes.get(item.classId) ?? ''} — ${names.subjects.get(item.subjectId) ?? ''}: ${
    item.findings.length === 0 ? words.nothingFound : words.findings(item.findings.length)
  }`;
  const blocks: Block[] = [{ kind: 'text', text: heading, size: 10, bold: true }];
  if (item.findings.length > 0) {
    const c = words.columns;
    blocks.push({
      kind: 'table',
      fontSize: 8,
      minFontSize: 6,
      columns: [
        { header: c.number, width: 24, align: 'right' },
        { header: c.what, width: 150, grow: 3 },
        { header: c.who, width: 120, grow: 3 },
        { header: c.date, width: 58 },
        { header: c.value, width: 40, align: 'center' },
        { header: c.against, width: 120, grow: 3 },
      ],
      rows: item.findings.map((f, i) => findingCells(f, i, words, names)),
    });
  }
  blocks.push({ kind: 'space', height: 8 });
  return blocks;
}

/**
 * Writes one printable check list per teacher (PDF, in the school's document language): for each
 * of their classes and subjects, what the day-1 checks found, with a line for the teacher to sign.
 */
export async function writeTeacherChecklists(
  mirror: Mirror,
  report: CheckReport,
  outDir: string,
  options: { language: Language; createdAt: string; schoolName: string; periodLabel: string },
): Promise<WrittenChecklist[]> {
  const words = checklistWords(options.language);
  const labels = documentLabels(options.language);
  const names = loadNames(mirror, report, options.language);
  const byTeacher = new Map<number, CheckItem[]>();
  for (const item of report.items)
    byTeacher.set(item.teacherId, [...(byTeacher.get(item.teacherId) ?? []), item]);
  const code = periodCode(report.scope.period.kind, report.scope.period.number);
  const written: WrittenChecklist[] = [];
  for (const [teacherId, items] of byTeacher) {
    const teacherName = names.staff.get(teacherId) ?? '';
    const spec: DocumentSpec = {
      id: `CHK-${code}-${teacherId}`,
      shortHash: shortHash(fingerprintOf(items)),
      title: words.title,
      language: options.language,
      createdAt: options.createdAt,
      pageLabel: labels.pageLabel,
      sections: [
        {
          sheetName: words.title,
          orientation: 'portrait',
          pageHeader: [
            options.schoolName,
            `${words.title} — ${options.periodLabel}`,
            `${words.teacher}: ${teacherName}`,
          ],
          blocks: [
            ...items.flatMap((item) => itemBlocks(item, words, names)),
            {
              kind: 'signatures',
              size: 9,
              captions: labels.captions,
              signatures: [
                { role: words.checked, name: teacherName, withDate: true },
                { role: words.deputy, name: '', withDate: true },
              ],
            },
          ],
        },
      ],
    };
    const target = path.join(outDir, `check-${code}-${String(teacherId).padStart(4, '0')}.pdf`);
    const pdf = await writePdf(spec, target);
    written.push({
      teacherId,
      teacherName,
      path: target,
      pages: pdf.pages,
      findings: items.reduce((sum, i) => sum + i.findings.length, 0),
    });
  }
  return written;
}
