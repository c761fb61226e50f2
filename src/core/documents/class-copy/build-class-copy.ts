import type { Language } from '../../db/schema';
import type { ClassJournal, JournalStudent, JournalSubject } from '../../journal/class-journal';
import { anchorLine } from '../anchor-line';
import { printedDate } from '../format-date';
import { documentLabels, type DocumentLabels } from '../words';
import type { Block, Cell, Column, DocumentSpec, Section } from '../layout/model';
import { pagesOfSections, sheetCount } from '../layout/page-references';
import { shortHash } from '../short-hash';

const NUMBER_WIDTH = 16;
const NAME_WIDTH = 132;
const LESSON_WIDTH = 15;
const NONE = '—';

/**
 * The class journal paper copy as a layout: title page with the certifications, for every
 * subject (and subgroup) its marks grid and its lessons page, then the period finals of all
 * subjects and the missed lessons per student.
 */
export function buildClassCopy(
  journal: ClassJournal,
  options: {
    id: string;
    fingerprint: string;
    language: Language;
    createdAt: string;
    /** The audit chain's head when the copy was first printed ("123:0f3a…"), if it was kept. */
    auditHead?: string | null;
  },
): DocumentSpec {
  const labels = documentLabels(options.language);
  const context = new CopyContext(journal, labels, options.language);
  const sections: Section[] = [titleSection(context, options.id, options.auditHead)];
  for (const subject of journal.subjects)
    sections.push(marksSection(context, subject), lessonsSection(context, subject));
  sections.push(finalsSection(context), absencesSection(context));
  return {
    id: options.id,
    shortHash: shortHash(options.fingerprint),
    title: `${context.className} · ${context.periodName} · ${context.schoolName}`,
    language: options.language,
    createdAt: options.createdAt,
    pageLabel: labels.pageLabel,
    sections,
  };
}

class CopyContext {
  readonly className: string;
  readonly periodName: string;
  readonly schoolName: string;
  readonly students: Map<number, JournalStudent>;

  constructor(
    readonly journal: ClassJournal,
    readonly labels: DocumentLabels,
    readonly language: Language,
  ) {
    this.className = labels.className(journal.class.grade, journal.class.letter);
    this.periodName = labels.periodName(journal.period.kind, journal.period.number);
    this.schoolName = language === 'ru' ? journal.school.nameRu : journal.school.nameKy;
    this.students = new Map(journal.students.map((s) => [s.id, s]));
  }

  subjectName(subject: JournalSubject, short = false): string {
    const name =
      this.language === 'ru'
        ? short
          ? subject.shortRu
          : subject.nameRu
        : short
          ? subject.shortKy
          : subject.nameKy;
    return subject.subgroup === null ? name : `${name} (${subject.subgroup.name})`;
  }

  periodLine(): string {
    const { period } = this.journal;
    return `${this.periodName} (${printedDate(period.startsOn)} – ${printedDate(period.endsOn)})`;
  }

  /** The name as listed, with the date a student joined or left inside the period. */
  studentLabel(student: JournalStudent): string {
    const { period } = this.journal;
    const notes: string[] = [];
    if (student.joinedOn > period.startsOn)
      notes.push(`${this.labels.joined} ${printedDate(student.joinedOn)}`);
    if (student.leftOn !== null && student.leftOn <= period.endsOn)
      notes.push(`${this.labels.left} ${printedDate(student.leftOn)}`);
    return notes.length === 0 ? student.fullName : `${student.fullName} (${notes.join('; ')})`;
  }

  subjectHeader(subject: JournalSubject): string[] {
    return [
      `${this.schoolName} · ${this.className} · ${this.periodLine()}`,
      `${this.subjectName(subject)} — ${this.labels.subjectTeacher}: ${teacherNames(subject)}`,
    ];
  }

  pageSignature(subject: JournalSubject): string {
    return this.labels.pageSignature.replace('{name}', subject.teachers.map((t) => t.shortName).join(', '));
  }
}

function teacherNames(subject: JournalSubject): string {
  return subject.teachers.map((t) => t.fullName).join(', ');
}

/**
 * The title page, composed of small parts in the order a secretary reads them: heading, the
 * copy's particulars, the contents with their pages, the certifications, and the page count the
 * secretary certifies for the binding.
 */
function titleSection(context: CopyContext, id: string, auditHead: string | null | undefined): Section {
  return {
    sheetName: context.labels.titleCopy,
    orientation: 'portrait',
    pageHeader: [],
    blocks: [
      ...titleHeading(context),
      titleFields(context),
      { kind: 'space', height: 6 },
      contentsTable(context),
      { kind: 'space', height: 4 },
      certifications(context),
      ...sheetCertification(context),
      { kind: 'space', height: 6 },
      { kind: 'text', text: id, size: 8, align: 'right' },
      ...anchorLine(context.labels, auditHead),
    ],
  };
}

function titleHeading(context: CopyContext): Block[] {
  return [
    { kind: 'text', text: context.schoolName, size: 13, bold: true, align: 'center' },
    { kind: 'space', height: 10 },
    { kind: 'text', text: context.labels.titleCopy, size: 16, bold: true, align: 'center' },
    {
      kind: 'text',
      text: `${context.className} · ${context.periodName}`,
      size: 14,
      bold: true,
      align: 'center',
    },
    { kind: 'space', height: 8 },
  ];
}

function titleFields(context: CopyContext): Block {
  const { journal, labels } = context;
  return {
    kind: 'fields',
    size: 10,
    fields: [
      { label: labels.school, value: context.schoolName },
      { label: labels.klass, value: context.className },
      { label: labels.academicYear, value: labels.schoolYear(journal.academicYear.label) },
      { label: labels.period, value: context.periodLine() },
      { label: labels.classTeacher, value: journal.classTeacher?.fullName ?? NONE },
      { label: labels.studentsTotal, value: String(journal.students.length) },
    ],
  };
}

/**
 * The contents: each subject (its marks grid and its lessons) with its teachers and pages, then
 * the finals and the absences. Section indices follow `buildClassCopy`'s order.
 */
function contentsTable(context: CopyContext): Block {
  const { journal, labels } = context;
  const classTeacher = journal.classTeacher?.fullName ?? NONE;
  const last = journal.subjects.length * 2;
  const rows: Cell[][] = journal.subjects.map((subject, i) => [
    { value: i + 1 },
    { value: context.subjectName(subject) },
    { value: teacherNames(subject) || NONE },
    { value: pagesOfSections(1 + 2 * i, 2 + 2 * i) },
  ]);
  rows.push(
    [
      { value: rows.length + 1 },
      { value: labels.finals },
      { value: classTeacher },
      { value: pagesOfSections(last + 1, last + 1) },
    ],
    [
      { value: rows.length + 2 },
      { value: labels.absences },
      { value: classTeacher },
      { value: pagesOfSections(last + 2, last + 2) },
    ],
  );
  return {
    kind: 'table',
    fontSize: 8,
    minFontSize: 6.5,
    columns: [
      { header: labels.number, width: 22 },
      { header: labels.subject, width: 150, grow: 1, align: 'left' },
      { header: labels.subjectTeacher, width: 150, grow: 1, align: 'left' },
      // Wide enough for the page reference before it is replaced by the numbers.
      { header: labels.pages, width: 58, align: 'left' },
    ],
    rows,
  };
}

function certifications(context: CopyContext): Block {
  const { journal, labels } = context;
  return {
    kind: 'signatures',
    size: 9,
    captions: labels.captions,
    signatures: [
      { role: labels.classCertification, name: journal.classTeacher?.shortName ?? '', withDate: true },
      { role: labels.deputyCertification, name: journal.deputy?.shortName ?? '', withDate: true },
      {
        role: labels.directorSignOff,
        name: journal.director?.shortName ?? '',
        withDate: true,
        seal: labels.seal,
      },
    ],
  };
}

/** "This copy has ___ sheets numbered, stitched and sealed", with the secretary's signature. */
function sheetCertification(context: CopyContext): Block[] {
  const { labels } = context;
  return [
    { kind: 'text', text: labels.sheetCertification(sheetCount), size: 9, bold: true },
    {
      kind: 'signatures',
      size: 9,
      captions: labels.captions,
      signatures: [{ role: labels.secretary, name: '', withDate: true }],
    },
  ];
}

/** The class teacher's signature under the finals and under the absences. */
function classTeacherSignature(context: CopyContext): Block[] {
  return [
    { kind: 'space', height: 10 },
    {
      kind: 'signatures',
      size: 9,
      captions: context.labels.captions,
      signatures: [
        {
          role: context.labels.classTeacher,
          name: context.journal.classTeacher?.shortName ?? '',
          withDate: true,
        },
      ],
    },
  ];
}

function markCellsByStudent(subject: JournalSubject): Map<number, Map<number, string>> {
  const cells = new Map<number, Map<number, string>>();
  for (const entry of subject.entries) {
    let row = cells.get(entry.studentId);
    if (!row) {
      row = new Map();
      cells.set(entry.studentId, row);
    }
    const parts = [...entry.marks];
    if (entry.absence !== null) parts.push(entry.absence);
    row.set(entry.lessonId, parts.join('/'));
  }
  return cells;
}

function finalCell(value: string | null): Cell {
  if (value === null) return { value: null, bold: true };
  const numeric = /^\d+$/.test(value) ? Number(value) : null;
  return { value: numeric ?? value, bold: true };
}

function marksSection(context: CopyContext, subject: JournalSubject): Section {
  const { labels } = context;
  const cells = markCellsByStudent(subject);
  const averageBy = new Map(subject.averages.map((a) => [a.studentId, a.average]));
  const finalBy = new Map(subject.finals.map((f) => [f.studentId, f.value]));
  const lessonColumns: Column[] = subject.lessons.map((lesson) => ({
    header: String(Number(lesson.date.slice(8, 10))),
    width: LESSON_WIDTH,
    group: labels.months[Number(lesson.date.slice(5, 7))] ?? '',
  }));
  const columns: Column[] = [
    { header: labels.number, width: NUMBER_WIDTH, repeat: true },
    { header: labels.student, width: NAME_WIDTH, repeat: true, align: 'left' },
    ...lessonColumns,
    { header: labels.average, width: 26 },
    { header: labels.final, width: 28 },
  ];
  const rows = subject.studentIds.map((studentId, i): Cell[] => {
    const student = context.students.get(studentId);
    const row = cells.get(studentId);
    const average = averageBy.get(studentId) ?? null;
    return [
      { value: i + 1 },
      { value: student ? context.studentLabel(student) : String(studentId) },
      ...subject.lessons.map((lesson): Cell => {
        const outside =
          student !== undefined &&
          (lesson.date < student.joinedOn || (student.leftOn !== null && lesson.date > student.leftOn));
        return { value: row?.get(lesson.id) ?? null, shaded: outside };
      }),
      average === null ? { value: null } : { value: average, decimals: 2 },
      finalCell(finalBy.get(studentId) ?? null),
    ];
  });
  return {
    sheetName: `${context.subjectName(subject, true)} ${labels.marks}`,
    orientation: 'landscape',
    pageHeader: context.subjectHeader(subject),
    pageSignature: context.pageSignature(subject),
    blocks:
      subject.lessons.length === 0
        ? [{ kind: 'text', text: labels.noLessons, size: 10 }]
        : [{ kind: 'table', fontSize: 7.5, minFontSize: 5.5, columns, rows }],
  };
}

function lessonsSection(context: CopyContext, subject: JournalSubject): Section {
  const { labels } = context;
  return {
    sheetName: `${context.subjectName(subject, true)} ${labels.lessons}`,
    orientation: 'portrait',
    pageHeader: context.subjectHeader(subject),
    pageSignature: context.pageSignature(subject),
    blocks:
      subject.lessons.length === 0
        ? [{ kind: 'text', text: labels.noLessons, size: 10 }]
        : [
            {
              kind: 'table',
              fontSize: 7.5,
              minFontSize: 6,
              columns: [
                { header: labels.number, width: 18 },
                { header: labels.date, width: 46 },
                { header: labels.topic, width: 120, grow: 3, align: 'left' },
                { header: labels.homework, width: 80, grow: 2, align: 'left' },
                { header: labels.teacher, width: 72, align: 'left' },
                { header: labels.substitution, width: 50 },
              ],
              rows: subject.lessons.map((lesson, i): Cell[] => [
                { value: i + 1 },
                { value: printedDate(lesson.date) },
                { value: lesson.topic },
                { value: lesson.homework },
                { value: lesson.teacher },
                { value: lesson.isSubstitution ? labels.substitutionMark : null },
              ]),
            },
          ],
  };
}

/** One column per subject (subgroups share the subject's final). */
function finalsSection(context: CopyContext): Section {
  const { journal, labels } = context;
  const subjects = new Map<number, JournalSubject>();
  for (const subject of journal.subjects)
    if (!subjects.has(subject.subjectId)) subjects.set(subject.subjectId, subject);
  const finalBy = new Map<string, string | null>();
  for (const subject of journal.subjects)
    for (const final of subject.finals) finalBy.set(`${subject.subjectId}:${final.studentId}`, final.value);
  return {
    sheetName: labels.finals,
    orientation: 'landscape',
    pageHeader: [
      `${context.schoolName} · ${context.className} · ${context.periodLine()}`,
      labels.finalsTitle(journal.period.kind, journal.period.number),
    ],
    blocks: [
      {
        kind: 'table',
        fontSize: 8,
        minFontSize: 5.5,
        columns: [
          { header: labels.number, width: NUMBER_WIDTH, repeat: true },
          { header: labels.student, width: NAME_WIDTH + 20, repeat: true, align: 'left' },
          ...[...subjects.values()].map((s) => ({
            header: context.language === 'ru' ? s.shortRu : s.shortKy,
            width: 34,
          })),
        ],
        rows: journal.students.map((student, i): Cell[] => [
          { value: i + 1 },
          { value: context.studentLabel(student) },
          ...[...subjects.keys()].map((subjectId) => {
            const cell = finalCell(finalBy.get(`${subjectId}:${student.id}`) ?? null);
            return { ...cell, bold: false };
          }),
        ]),
      },
      ...classTeacherSignature(context),
    ],
  };
}

/** The class's totals under the students' absences. */
function classAbsenceTotals(context: CopyContext): Cell[] {
  const sum = (pick: (a: ClassJournal['absences'][number]) => number) =>
    context.journal.absences.reduce((total, a) => total + pick(a), 0);
  const total = (value: number): Cell => ({ value, bold: true, shaded: true });
  return [
    { value: null, shaded: true },
    { value: context.labels.classTotal, bold: true, shaded: true },
    total(sum((a) => a.total)),
    total(sum((a) => a.ill)),
    total(sum((a) => a.excused)),
    total(sum((a) => a.unexcused)),
    total(sum((a) => a.late)),
  ];
}

function absencesSection(context: CopyContext): Section {
  const { journal, labels } = context;
  const absenceBy = new Map(journal.absences.map((a) => [a.studentId, a]));
  return {
    sheetName: labels.absences,
    orientation: 'portrait',
    pageHeader: [
      `${context.schoolName} · ${context.className} · ${context.periodLine()}`,
      labels.absencesTitle,
    ],
    blocks: [
      {
        kind: 'table',
        fontSize: 8,
        minFontSize: 5.5,
        columns: [
          { header: labels.number, width: 20 },
          { header: labels.student, width: 160, grow: 1, align: 'left' },
          { header: labels.absencesTotal, width: 50 },
          { header: labels.absenceIll, width: 58 },
          { header: labels.absenceExcused, width: 58 },
          { header: labels.absenceUnexcused, width: 58 },
          { header: labels.late, width: 50 },
        ],
        rows: [
          ...journal.students.map((student, i): Cell[] => {
            const a = absenceBy.get(student.id);
            return [
              { value: i + 1 },
              { value: context.studentLabel(student) },
              { value: a?.total ?? 0, bold: true },
              { value: a?.ill ?? 0 },
              { value: a?.excused ?? 0 },
              { value: a?.unexcused ?? 0 },
              { value: a?.late ?? 0 },
            ];
          }),
          classAbsenceTotals(context),
        ],
      },
      ...classTeacherSignature(context),
    ],
  };
}
