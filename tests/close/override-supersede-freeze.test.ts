import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeStatus,
  completeClose,
  confirmTeacherCheck,
  overrideDay,
  recordDirectorSignature,
  recordStamp,
  recordSubjectSignature,
  recordTitleCertification,
} from '../../src/core/close';
import { fixedClock } from '../../src/core/clock';
import type { Row } from '../../src/core/mirror/batch';
import { emptyBatch } from '../../src/core/mirror/batch';
import { runSync } from '../../src/core/mirror/run-sync';
import type { TinySchool } from '../checks/tiny-school';
import { deputy, director, secretary } from '../support/actors';
import {
  certifyAllTitles,
  clock,
  confirmAllTeachers,
  expectRefused,
  handOverToSecretary,
  recordDay2,
  recordPrint,
  startedQuarterClose,
} from './close-helpers';

let school: TinySchool;
let closeId: number;
const REASON = 'Мугалим ооруп жатат; баалар 10-ноябрга чейин коюлат, директор макул болду.';

function confirmAll(): void {
  confirmAllTeachers(school, closeId);
}

function day2(): void {
  recordDay2(school, closeId);
}

function days3and4(): void {
  const { t1, t2, t3 } = school.teacher;
  // Each teacher signs their own: English is split in two subgroups, and both of its teachers sign.
  for (const teacherId of [t1, t2, t3]) {
    recordSubjectSignature(school.mirror, { closeId, classId: school.class5, teacherId }, deputy, clock);
  }
  expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () =>
    recordSubjectSignature(school.mirror, { closeId, classId: school.class5, teacherId: t2 }, deputy, clock),
  );
  recordSubjectSignature(school.mirror, { closeId, classId: school.class10, teacherId: t1 }, deputy, clock);
  certifyAllTitles(school, closeId);
}

beforeEach(() => {
  ({ school, closeId } = startedQuarterClose());
});
afterEach(() => {
  school.close();
});

describe('overrides', () => {
  it('a teacher with findings cannot be confirmed; a deputy overrides day 1 with a written reason', () => {
    const [, , c] = school.students as [number, number, number];
    school.mirror.sqlite
      .prepare('DELETE FROM period_final WHERE student_id = ? AND subject_id = ?')
      .run(c, school.math);
    expectRefused(
      school.mirror,
      'CLOSE_ITEM_HAS_FINDINGS',
      () => confirmTeacherCheck(school.mirror, { closeId, teacherId: school.teacher.t1 }, deputy, clock),
      /5А Математика: 1/,
    );
    confirmTeacherCheck(
      school.mirror,
      { closeId, teacherId: school.teacher.t1, classId: school.class10 },
      deputy,
      clock,
    );
    confirmTeacherCheck(school.mirror, { closeId, teacherId: school.teacher.t2 }, deputy, clock);
    confirmTeacherCheck(school.mirror, { closeId, teacherId: school.teacher.t3 }, deputy, clock);
    expect(closeStatus(school.mirror, closeId).days[0]?.pending.map((p) => p.label)).toEqual([
      'teacher check 5А Математика (Асанова Гүлзат)',
    ]);
    expectRefused(school.mirror, 'CLOSE_REASON_REQUIRED', () =>
      overrideDay(school.mirror, { closeId, day: 1, reason: 'ok' }, deputy, clock),
    );
    expectRefused(school.mirror, 'CLOSE_OUT_OF_ORDER', () =>
      overrideDay(school.mirror, { closeId, day: 2, reason: REASON }, deputy, clock),
    );
    const overrideId = overrideDay(school.mirror, { closeId, day: 1, reason: REASON }, deputy, clock);
    const status = closeStatus(school.mirror, closeId);
    expect(status.currentDay).toBe(2);
    expect(status.days[0]).toMatchObject({
      completed: true,
      override: { reason: REASON, openItems: 1 },
      counts: { done: 3, overridden: 1, open: 0 },
    });
    const audit = school.mirror.sqlite
      .prepare<[], { action: string; after_json: string; actor: string }>(
        "SELECT action, after_json, actor FROM audit_log WHERE action = 'close.override'",
      )
      .get();
    expect(audit?.actor).toBe('deputy:staff:deputy:Токтогулова Чолпон');
    expect(JSON.parse(audit?.after_json ?? '{}')).toMatchObject({ overrideId, reason: REASON });
    expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () =>
      overrideDay(school.mirror, { closeId, day: 1, reason: REASON }, deputy, clock),
    );
  });

  it('day 5 is never overridden, and a day with nothing open needs no override', () => {
    confirmAll();
    expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () =>
      overrideDay(school.mirror, { closeId, day: 1, reason: REASON }, deputy, clock),
    );
    expectRefused(school.mirror, 'CLOSE_NO_OVERRIDE', () =>
      overrideDay(school.mirror, { closeId, day: 5, reason: REASON }, deputy, clock),
    );
    day2();
    recordSubjectSignature(
      school.mirror,
      { closeId, classId: school.class5, teacherId: school.teacher.t1 },
      deputy,
      clock,
    );
    overrideDay(school.mirror, { closeId, day: 3, reason: REASON }, deputy, clock);
    expect(closeStatus(school.mirror, closeId).days[2]?.counts).toMatchObject({ done: 1, overridden: 3 });
  });
});

describe('re-printing supersedes a copy', () => {
  it('voids the signatures given on the earlier copy; they must be collected again', () => {
    confirmAll();
    day2();
    days3and4();
    expect(closeStatus(school.mirror, closeId).currentDay).toBe(5);
    expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () =>
      recordPrint(school, closeId, school.class5, 'doc-101'),
    );
    const outcome = recordPrint(school, closeId, school.class5, 'doc-201');
    expect(outcome.voided.map((i) => i.kind).sort()).toEqual([
      'subject_signature',
      'subject_signature',
      'subject_signature',
      'title_certification',
    ]);
    const status = closeStatus(school.mirror, closeId);
    expect(status.currentDay).toBe(3);
    expect(status.days[1]?.completed).toBe(true);
    const pendingThree = status.days[2]?.pending ?? [];
    expect(pendingThree.map((p) => [p.label, p.status])).toEqual([
      ['subject signature 5А Математика (Асанова Гүлзат)', 'voided'],
      ['subject signature 5А Англис тили (Петрова Ольга)', 'voided'],
      ['subject signature 5А Англис тили (Үсөнов Бакыт)', 'voided'],
    ]);
    expect(pendingThree[0]?.voidReason).toMatch(/document doc-101\) was superseded by a re-print/);
    expect(status.days[3]?.pending.map((p) => p.status)).toEqual(['voided']);
    expectRefused(school.mirror, 'CLOSE_OUT_OF_ORDER', () => {
      handOverToSecretary(school, closeId);
    });
    recordSubjectSignature(
      school.mirror,
      { closeId, classId: school.class5, teacherId: school.teacher.t1 },
      deputy,
      clock,
    );
    // Each English teacher signs again for their own subgroup.
    for (const teacherId of [school.teacher.t2, school.teacher.t3]) {
      recordSubjectSignature(school.mirror, { closeId, classId: school.class5, teacherId }, deputy, clock);
    }
    recordTitleCertification(school.mirror, { closeId, classId: school.class5 }, deputy, clock);
    const again = closeStatus(school.mirror, closeId);
    expect(again.currentDay).toBe(5);
    const documents = school.mirror.sqlite
      .prepare<[number, number], { document_id: string }>(
        "SELECT DISTINCT document_id FROM close_item WHERE close_id = ? AND class_id = ? AND kind IN ('subject_signature', 'title_certification')",
      )
      .all(closeId, school.class5);
    expect(documents).toEqual([{ document_id: 'doc-201' }]);
    handOverToSecretary(school, closeId);
    expectRefused(school.mirror, 'CLOSE_HANDED_OVER', () =>
      recordPrint(school, closeId, school.class5, 'doc-301'),
    );
  });
});

function completeTheClose(): void {
  confirmAll();
  day2();
  days3and4();
  handOverToSecretary(school, closeId);
  recordDirectorSignature(school.mirror, closeId, director, clock);
  recordStamp(school.mirror, closeId, director, clock);
  completeClose(school.mirror, closeId, secretary, clock);
}

/** A sync that brings class 5А's quarter back with one mark changed (a correction after the close). */
function syncWithChangedMark(): void {
  const lessons = school.mirror.sqlite
    .prepare<[number], Row>(
      "SELECT * FROM lesson WHERE class_id = ? AND date BETWEEN '2025-09-01' AND '2025-10-31'",
    )
    .all(school.class5);
  const ids = lessons.map((l) => l.id as number);
  const marks = school.mirror.sqlite
    .prepare<[], Row>(`SELECT * FROM mark WHERE lesson_id IN (${ids.join(',')}) ORDER BY id`)
    .all();
  const first = marks[0];
  if (!first) throw new Error('no marks');
  marks[0] = { ...first, value: '2', numeric_value: 2, changed_at: '2025-11-12T06:00:00.000Z' };
  const batch = {
    ...emptyBatch({
      lessons: [{ classId: school.class5, from: '2025-09-01', to: '2025-10-31' }],
      finals: [],
    }),
    lessons,
    marks,
    judgeFirstSight: false,
  };
  runSync(
    school.mirror,
    { source: 'bundle', name: 'after-close.json', build: () => batch },
    { actor: deputy, clock: fixedClock('2025-11-12T07:00:00Z') },
  );
}

describe('freezing', () => {
  it('freezes the period of every class as printed; a later sync that changes it is flagged', () => {
    completeTheClose();
    expect(closeStatus(school.mirror, closeId).certifiedDataChanges).toEqual([]);
    syncWithChangedMark();
    expect(closeStatus(school.mirror, closeId).certifiedDataChanges).toEqual([
      { classId: school.class5, className: '5А', changes: 1 },
    ]);
  });

  it('before the close completes, a change after printing asks for a re-print', () => {
    confirmAll();
    day2();
    syncWithChangedMark();
    expect(closeStatus(school.mirror, closeId).changedSincePrint).toEqual([
      { classId: school.class5, className: '5А', changes: 1 },
    ]);
  });
});
