import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-chain';
import { addArchiveEntry } from '../../src/core/registers/archive-register';
import {
  closeStatus,
  completeClose,
  confirmReceipt,
  confirmTeacherCheck,
  overrideDay,
  recordBackup,
  recordChecks,
  recordDirectorSignature,
  recordHandover,
  recordStamp,
  recordSubjectSignature,
  recordTitleCertification,
  startClose,
} from '../../src/core/close';
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
  staffId,
  startedQuarterClose,
} from './close-helpers';

let school: TinySchool;
let closeId: number;

function auditActions(): string[] {
  return school.mirror.sqlite
    .prepare<[], { action: string }>('SELECT action FROM audit_log ORDER BY id')
    .all()
    .map((r) => r.action);
}

function confirmAll(): void {
  confirmAllTeachers(school, closeId);
}

function throughDay2(): void {
  confirmAll();
  recordDay2(school, closeId);
}

function signAll(): void {
  const { t1, t2, t3 } = school.teacher;
  recordSubjectSignature(
    school.mirror,
    { closeId, classId: school.class5, teacherId: t1, signedOn: '2025-11-03' },
    deputy,
    clock,
  );
  // English is split in two subgroups: each of its teachers signs their own.
  recordSubjectSignature(school.mirror, { closeId, classId: school.class5, teacherId: t2 }, deputy, clock);
  recordSubjectSignature(school.mirror, { closeId, classId: school.class5, teacherId: t3 }, deputy, clock);
  recordSubjectSignature(school.mirror, { closeId, classId: school.class10, teacherId: t1 }, deputy, clock);
}

function certifyAll(): void {
  certifyAllTitles(school, closeId);
}

beforeEach(() => {
  ({ school, closeId } = startedQuarterClose());
});
afterEach(() => {
  school.close();
});

describe('the five-day close', () => {
  it('lists every item of the five days when it starts', () => {
    const status = closeStatus(school.mirror, closeId);
    expect(status.classes).toEqual(['5А', '10А']);
    expect(status.days.map((d) => d.counts.total)).toEqual([4, 3, 4, 2, 4]);
    expect(status.currentDay).toBe(1);
    expect(status.days[0]?.pending.map((p) => p.label)).toContain(
      'teacher check 5А Математика (Асанова Гүлзат)',
    );
  });

  it('runs from day 1 to the frozen folder, every step audited in an intact chain', () => {
    recordChecks(school.mirror, closeId, deputy, clock);
    confirmAll();
    expect(closeStatus(school.mirror, closeId).currentDay).toBe(2);
    recordDay2(school, closeId);
    signAll();
    certifyAll();
    expect(closeStatus(school.mirror, closeId).currentDay).toBe(5);
    handOverToSecretary(school, closeId);
    recordDirectorSignature(school.mirror, closeId, director, clock);
    recordStamp(school.mirror, closeId, secretary, clock);
    const done = completeClose(school.mirror, closeId, secretary, clock);
    expect(done).toMatchObject({ folderLabel: '2025-2026, 1-чейрек', frozenClasses: 2 });
    const archive = school.mirror.sqlite
      .prepare(
        'SELECT class_id, document_ref, folder_number, handed_over_by, received_by, director_signed, stamped FROM archive_register ORDER BY id',
      )
      .all();
    expect(archive).toEqual(
      [
        [school.class5, 'doc-101'],
        [school.class10, 'doc-102'],
      ].map(([classId, ref]) => ({
        class_id: classId,
        document_ref: ref,
        folder_number: '1',
        handed_over_by: deputy.name,
        received_by: 'Садыкова Мээрим',
        director_signed: 1,
        stamped: 1,
      })),
    );
    const handover = school.mirror.sqlite
      .prepare<[], { to_staff_id: number }>('SELECT to_staff_id FROM handover_log')
      .all();
    expect(handover).toEqual([{ to_staff_id: staffId(school.mirror, 'secretary') }]);
    const status = closeStatus(school.mirror, closeId);
    expect(status.status).toBe('completed');
    expect(status.currentDay).toBe(6);
    expect(status.days.every((d) => d.counts.done === d.counts.total)).toBe(true);
    const frozen = school.mirror.sqlite
      .prepare('SELECT class_id, period_id FROM frozen_scope ORDER BY class_id')
      .all();
    expect(frozen).toEqual([
      { class_id: school.class5, period_id: school.periodId },
      { class_id: school.class10, period_id: school.periodId },
    ]);
    const signature = school.mirror.sqlite
      .prepare<[number], { signed_on: string; signer_id: number; document_id: string }>(
        `SELECT signed_on, signer_id, document_id FROM close_item WHERE close_id = ? AND item_key = 'sign:${school.class5}:${school.math}:${school.teacher.t1}'`,
      )
      .get(closeId);
    expect(signature).toEqual({
      signed_on: '2025-11-03',
      signer_id: school.teacher.t1,
      document_id: 'doc-101',
    });
    const actions = auditActions().filter((a) => a.startsWith('close.'));
    expect(actions[0]).toBe('close.start');
    expect(actions).toEqual(
      expect.arrayContaining([
        'close.check',
        'close.confirm',
        'close.backup',
        'close.print',
        'close.sign',
        'close.certify',
      ]),
    );
    expect(actions.slice(-6)).toEqual([
      'close.handover',
      'close.directorSign',
      'close.stamp',
      'close.formFolder',
      'close.day.complete',
      'close.complete',
    ]);
    expect(actions.filter((a) => a === 'close.day.complete')).toHaveLength(5);
    expect(verifyAuditChain(school.mirror).ok).toBe(true);
    expectRefused(school.mirror, 'CLOSE_COMPLETED', () => {
      recordStamp(school.mirror, closeId, secretary, clock);
    });
  });
});

describe('order, twice, unknown, and roles', () => {
  it('refuses a later day while an earlier one is open, changing nothing', () => {
    expectRefused(
      school.mirror,
      'CLOSE_OUT_OF_ORDER',
      () => recordPrint(school, closeId, school.class5, 'doc-101'),
      /Day 1 .* is not complete \(4 items open/,
    );
    expectRefused(school.mirror, 'CLOSE_OUT_OF_ORDER', () =>
      recordSubjectSignature(
        school.mirror,
        { closeId, classId: school.class5, teacherId: school.teacher.t1 },
        deputy,
        clock,
      ),
    );
    throughDay2();
    signAll();
    expectRefused(school.mirror, 'CLOSE_OUT_OF_ORDER', () => {
      handOverToSecretary(school, closeId);
    });
    certifyAll();
    expectRefused(
      school.mirror,
      'CLOSE_OUT_OF_ORDER',
      () => {
        recordStamp(school.mirror, closeId, director, clock);
      },
      /after the hand-over to the secretary/,
    );
    handOverToSecretary(school, closeId);
    expectRefused(
      school.mirror,
      'CLOSE_OUT_OF_ORDER',
      () => {
        recordStamp(school.mirror, closeId, director, clock);
      },
      /after the director's signature/,
    );
    expectRefused(school.mirror, 'CLOSE_OUT_OF_ORDER', () =>
      completeClose(school.mirror, closeId, secretary, clock),
    );
  });

  it('refuses doing the same thing twice', () => {
    confirmTeacherCheck(school.mirror, { closeId, teacherId: school.teacher.t1 }, deputy, clock);
    expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () =>
      confirmTeacherCheck(
        school.mirror,
        { closeId, teacherId: school.teacher.t1, classId: school.class5 },
        deputy,
        clock,
      ),
    );
    expectRefused(school.mirror, 'CLOSE_ALREADY_STARTED', () =>
      startClose(school.mirror, { periodId: school.periodId }, deputy, clock),
    );
    throughDay2Rest();
    expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () =>
      recordPrint(school, closeId, school.class5, 'doc-101'),
    );
    expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () => {
      recordBackup(school.mirror, { closeId, registerId: 2, backupId: 'b-2', verified: true }, deputy, clock);
    });
  });

  it('refuses unknown classes and teachers, and people acting outside their part', () => {
    expectRefused(school.mirror, 'TEACHER_NOT_FOUND', () =>
      confirmTeacherCheck(school.mirror, { closeId, teacherId: 999 }, deputy, clock),
    );
    expectRefused(school.mirror, 'CLOSE_CLASS_NOT_FOUND', () =>
      confirmTeacherCheck(
        school.mirror,
        { closeId, teacherId: school.teacher.t1, classId: 999 },
        deputy,
        clock,
      ),
    );
    expectRefused(school.mirror, 'CLOSE_NOT_THEIR_SUBJECT', () =>
      confirmTeacherCheck(school.mirror, { closeId, teacherId: school.teacher.outsider }, deputy, clock),
    );
    expectRefused(school.mirror, 'CLOSE_NOT_FOUND', () => recordChecks(school.mirror, 999, deputy, clock));
    expectRefused(school.mirror, 'CLOSE_CLASS_NOT_FOUND', () =>
      startClose(school.mirror, { periodId: school.halfYearId, classIds: [999] }, deputy, clock),
    );
    throughDay2();
    expectRefused(school.mirror, 'CLOSE_NOT_THEIR_SUBJECT', () =>
      recordSubjectSignature(
        school.mirror,
        { closeId, classId: school.class10, teacherId: school.teacher.t2 },
        deputy,
        clock,
      ),
    );
    expectRefused(school.mirror, 'CLOSE_BAD_DATE', () =>
      recordSubjectSignature(
        school.mirror,
        { closeId, classId: school.class5, teacherId: school.teacher.t1, signedOn: '2025-11-31' },
        deputy,
        clock,
      ),
    );
    expectRefused(school.mirror, 'CLOSE_BAD_DATE', () =>
      recordSubjectSignature(
        school.mirror,
        { closeId, classId: school.class5, teacherId: school.teacher.t1, signedOn: '2025-12-20' },
        deputy,
        clock,
      ),
    );
    signAll();
    expectRefused(school.mirror, 'CLOSE_NOT_CLASS_TEACHER', () => {
      recordTitleCertification(
        school.mirror,
        { closeId, classId: school.class5, teacherId: school.teacher.t1 },
        deputy,
        clock,
      );
    });
    certifyAll();
    expectRefused(school.mirror, 'CLOSE_NOT_SECRETARY', () => {
      recordHandover(school.mirror, { closeId, secretaryId: school.teacher.t1 }, deputy, clock);
    });
    expectRefused(school.mirror, 'FORBIDDEN', () => {
      recordHandover(
        school.mirror,
        { closeId, secretaryId: staffId(school.mirror, 'secretary') },
        director,
        clock,
      );
    });
    handOverToSecretary(school, closeId);
    expectRefused(school.mirror, 'FORBIDDEN', () => {
      recordDirectorSignature(school.mirror, closeId, deputy, clock);
    });
    recordDirectorSignature(school.mirror, closeId, director, clock);
    recordStamp(school.mirror, closeId, director, clock);
    expectRefused(school.mirror, 'FORBIDDEN', () => completeClose(school.mirror, closeId, deputy, clock));
  });

  it('lets the secretary confirm herself that she received the copies: her signature in the hand-over log', () => {
    recordChecks(school.mirror, closeId, deputy, clock);
    throughDay2();
    signAll();
    certifyAll();
    const secretaryId = staffId(school.mirror, 'secretary');
    expectRefused(school.mirror, 'FORBIDDEN', () => {
      confirmReceipt(school.mirror, { closeId, secretaryId }, deputy, clock);
    });
    expectRefused(school.mirror, 'CLOSE_NOT_SECRETARY', () => {
      confirmReceipt(school.mirror, { closeId, secretaryId: school.teacher.t1 }, secretary, clock);
    });
    confirmReceipt(school.mirror, { closeId, secretaryId }, secretary, clock);
    const line = school.mirror.sqlite
      .prepare('SELECT from_name, to_staff_id, recorded_by, copies FROM handover_log')
      .get() as { from_name: string; to_staff_id: number; recorded_by: string; copies: number };
    expect(line).toEqual({
      from_name: deputy.name,
      to_staff_id: secretaryId,
      recorded_by: `secretary:${secretary.userId}:${secretary.name}`,
      copies: 2,
    });
    expect(auditActions()).toContain('close.receive');
    // Received once: neither she nor the deputy records it again.
    expectRefused(school.mirror, 'CLOSE_ALREADY_DONE', () => {
      handOverToSecretary(school, closeId);
    });
    recordDirectorSignature(school.mirror, closeId, director, clock);
    recordStamp(school.mirror, closeId, secretary, clock);
    expect(completeClose(school.mirror, closeId, secretary, clock).archiveEntries).toHaveLength(2);
  });

  it('numbers the folder in its school year: the next number after the folders already in the register', () => {
    recordChecks(school.mirror, closeId, deputy, clock);
    throughDay2();
    signAll();
    certifyAll();
    // An earlier folder of the same school year, numbered 1 by the secretary.
    addArchiveEntry(school.mirror, {
      actor: secretary,
      clock,
      classId: school.class10,
      periodId: school.halfYearId,
      documentTitle: 'Жыйынтык ведомость',
      pages: 2,
      receivedOn: '2025-11-01',
      handedOverBy: deputy.name,
      receivedBy: secretary.name,
      folderNumber: '1',
    });
    handOverToSecretary(school, closeId);
    recordDirectorSignature(school.mirror, closeId, director, clock);
    recordStamp(school.mirror, closeId, secretary, clock);
    completeClose(school.mirror, closeId, secretary, clock);
    const folders = school.mirror.sqlite
      .prepare('SELECT folder_number FROM archive_register WHERE period_id = ?')
      .pluck()
      .all(school.periodId);
    expect(folders).toEqual(['2', '2']);
  });

  it('lets only a deputy start, check and confirm', () => {
    expectRefused(school.mirror, 'FORBIDDEN', () =>
      startClose(school.mirror, { periodId: school.halfYearId }, secretary, clock),
    );
    expectRefused(school.mirror, 'FORBIDDEN', () => recordChecks(school.mirror, closeId, director, clock));
    expectRefused(school.mirror, 'FORBIDDEN', () =>
      confirmTeacherCheck(school.mirror, { closeId, teacherId: school.teacher.t1 }, secretary, clock),
    );
    expectRefused(school.mirror, 'FORBIDDEN', () =>
      overrideDay(
        school.mirror,
        { closeId, day: 1, reason: 'Тексерүү бүттү, директор макул болду' },
        director,
        clock,
      ),
    );
  });
});

function throughDay2Rest(): void {
  confirmAllTeachers(school, closeId, [school.teacher.t2, school.teacher.t3]);
  recordDay2(school, closeId);
}
