import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-chain';
import { cancelClose, closeStatus, overrideDay, startClose } from '../../src/core/close';
import type { TinySchool } from '../checks/tiny-school';
import { deputy, secretary } from '../support/actors';
import {
  certifyAllTitles,
  clock,
  confirmAllTeachers,
  expectRefused,
  handOverToSecretary,
  recordDay2,
  startedQuarterClose,
} from './close-helpers';

const reason = 'Жаңылыш чейрек тандалды, 1-чейрек кайра башталат';

let school: TinySchool;
let closeId: number;

beforeEach(() => {
  ({ school, closeId } = startedQuarterClose());
});
afterEach(() => {
  school.close();
});

function rowsOf(table: string): number {
  return (
    school.mirror.sqlite
      .prepare<[number], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE close_id = ?`)
      .get(closeId)?.n ?? -1
  );
}

function lastAudit() {
  return school.mirror.sqlite
    .prepare<[], { action: string; entity_id: string; before_json: string; after_json: string }>(
      'SELECT action, entity_id, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 1',
    )
    .get();
}

describe('cancelling a close started by mistake', () => {
  it('removes the close with a written reason and keeps all it removed in the audit log', () => {
    confirmAllTeachers(school, closeId);
    overrideDay(
      school.mirror,
      { closeId, day: 2, reason: 'Принтер иштебей калды, эртең басылат' },
      deputy,
      clock,
    );

    cancelClose(school.mirror, { closeId, reason: `  ${reason}  ` }, deputy, clock);

    for (const table of ['close_item', 'close_day', 'close_override', 'close_class']) {
      expect(rowsOf(table)).toBe(0);
    }
    expect(school.mirror.sqlite.prepare('SELECT count(*) AS n FROM close_run').get()).toEqual({ n: 0 });
    const audit = lastAudit();
    expect(audit?.action).toBe('close.cancel');
    expect(audit?.entity_id).toBe(String(closeId));
    expect(JSON.parse(audit?.after_json ?? '{}')).toEqual({
      status: 'cancelled',
      reason,
      periodId: school.periodId,
    });
    const removed = JSON.parse(audit?.before_json ?? '{}') as {
      classIds: number[];
      days: { day: number }[];
      overrides: { reason: string }[];
      actedOn: { kind: string; status: string }[];
      openItems: number;
    };
    expect(removed.classIds).toEqual([school.class5, school.class10]);
    expect(removed.days.map((d) => d.day)).toEqual([1, 2]);
    expect(removed.overrides.map((o) => o.reason)).toEqual(['Принтер иштебей калды, эртең басылат']);
    expect(removed.actedOn.filter((i) => i.kind === 'teacher_check').every((i) => i.status === 'done')).toBe(
      true,
    );
    expect(removed.actedOn.filter((i) => i.status === 'overridden').map((i) => i.kind)).toEqual([
      'backup',
      'class_print',
      'class_print',
    ]);
    expect(removed.openItems).toBeGreaterThan(0);
    expect(verifyAuditChain(school.mirror).ok).toBe(true);
  });

  it('lets the period be started again afterwards', () => {
    cancelClose(school.mirror, { closeId, reason }, deputy, clock);
    const again = startClose(school.mirror, { periodId: school.periodId }, deputy, clock);
    // The audit log speaks of the cancelled close by its number: the new one has its own.
    expect(again).not.toBe(closeId);
    const status = closeStatus(school.mirror, again);
    expect(status.status).toBe('open');
    expect(status.currentDay).toBe(1);
    expect(status.classes).toEqual(['5А', '10А']);
  });

  it('refuses without a written reason, naming the field, changing nothing', () => {
    for (const short of ['', '   ', 'жаңылыш']) {
      expectRefused(school.mirror, 'CLOSE_REASON_REQUIRED', () => {
        cancelClose(school.mirror, { closeId, reason: short }, deputy, clock);
      });
    }
  });

  /** Days 1–4 done (day 3 closed with a reason): the close stands at day 5, nothing handed over. */
  function reachDayFive() {
    confirmAllTeachers(school, closeId);
    recordDay2(school, closeId);
    overrideDay(
      school.mirror,
      { closeId, day: 3, reason: 'Мугалимдер кагазга кол коюшту, белгиленбей калды' },
      deputy,
      clock,
    );
    certifyAllTitles(school, closeId);
  }

  it('refuses once the copies were handed over to the secretary', () => {
    reachDayFive();
    handOverToSecretary(school, closeId);
    expectRefused(
      school.mirror,
      'CLOSE_CANCEL_TOO_LATE',
      () => {
        cancelClose(school.mirror, { closeId, reason }, deputy, clock);
      },
      /handed over to the secretary/,
    );
  });

  it('allows cancelling at day 5 before the hand-over', () => {
    reachDayFive();
    expect(closeStatus(school.mirror, closeId).currentDay).toBe(5);
    cancelClose(school.mirror, { closeId, reason }, deputy, clock);
    expect(lastAudit()?.action).toBe('close.cancel');
  });

  it('is for the deputy alone, and refuses an unknown close', () => {
    expectRefused(school.mirror, 'FORBIDDEN', () => {
      cancelClose(school.mirror, { closeId, reason }, secretary, clock);
    });
    expectRefused(school.mirror, 'CLOSE_NOT_FOUND', () => {
      cancelClose(school.mirror, { closeId: 999, reason }, deputy, clock);
    });
  });
});
