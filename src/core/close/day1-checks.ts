import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import { itemKey } from '../checks/attribution';
import { getSetting } from '../settings/app-settings';
import { runChecks, type CheckReport } from '../checks/run-checks';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { closeItems, isPending, recordItemFindings } from './close-item-store';
import { closeClassIds, getOpenClose, getPeriod } from './close-store';
import { assertPending, markItemDone } from './item-actions';
import { loadNameBook } from './names';
import { requireCloseClass, requireStaff } from './people';

/** The day-1 checks over the close's period and classes (or some of them), by the school's check settings. */
export function checkClose(mirror: Mirror, closeId: number, classIds?: number[]): CheckReport {
  const run = getOpenClose(mirror, closeId);
  const period = getPeriod(mirror, run.period_id);
  return runChecks(
    mirror,
    {
      period: {
        id: period.id,
        kind: period.kind,
        number: period.number,
        startsOn: period.starts_on,
        endsOn: period.ends_on,
      },
      classIds: classIds ?? closeClassIds(mirror, closeId),
    },
    getSetting(mirror, 'checkRules'),
  );
}

/** How many findings each teacher × class × subject has, by item key. */
function findingCounts(report: CheckReport): Map<string, number> {
  return new Map(report.items.map((i) => [itemKey(i.teacherId, i.classId, i.subjectId), i.findings.length]));
}

/**
 * Runs the day-1 checks and records on every open teacher item how many findings it has now,
 * so the tracker shows who has work left. Returns the report for the check lists.
 */
export function recordChecks(mirror: Mirror, closeId: number, actor: Actor, clock: Clock): CheckReport {
  assertAllowed(actor, 'close.check');
  const at = clock();
  return mirror.transaction(() => {
    const report = checkClose(mirror, closeId);
    const counts = findingCounts(report);
    const findings = new Map(
      closeItems(mirror, closeId, { kind: 'teacher_check' })
        .filter(isPending)
        .map((item) => [
          item.id,
          counts.get(itemKey(item.teacher_id ?? 0, item.class_id ?? 0, item.subject_id ?? 0)) ?? 0,
        ]),
    );
    recordItemFindings(mirror, findings, at.toISOString());
    appendAudit(
      mirror,
      {
        actor,
        action: 'close.check',
        entity: 'close_run',
        entityId: closeId,
        after: { totals: report.totals },
      },
      at,
    );
    return report;
  });
}

export interface ConfirmInput {
  closeId: number;
  teacherId: number;
  /** Only this class (all the teacher's classes when left out). */
  classId?: number;
  /** Only this subject (all the teacher's subjects when left out). */
  subjectId?: number;
}

/**
 * Records that a teacher checked their period finals. Refused while the checks still find
 * something in those items: the teacher corrects the journal and the mirror is synced again,
 * or a deputy overrides day 1 with a written reason.
 */
export function confirmTeacherCheck(mirror: Mirror, input: ConfirmInput, actor: Actor, clock: Clock): number {
  assertAllowed(actor, 'close.confirm');
  const at = clock();
  return mirror.transaction(() => {
    getOpenClose(mirror, input.closeId);
    const teacher = requireStaff(mirror, input.teacherId);
    if (input.classId !== undefined) requireCloseClass(mirror, input.closeId, input.classId);
    const names = loadNameBook(mirror);
    const items = closeItems(mirror, input.closeId, { kind: 'teacher_check' }).filter(
      (i) =>
        i.teacher_id === teacher.id &&
        (input.classId === undefined || i.class_id === input.classId) &&
        (input.subjectId === undefined || i.subject_id === input.subjectId),
    );
    const who = names.staff(teacher.id);
    const what = [
      input.classId === undefined ? '' : ` in ${names.klass(input.classId)}`,
      input.subjectId === undefined ? '' : ` for ${names.subject(input.subjectId)}`,
    ].join('');
    if (items.length === 0) {
      throw new MoorError('CLOSE_NOT_THEIR_SUBJECT', `${who} teaches nothing${what} in this close.`, {
        teacherId: teacher.id,
      });
    }
    const pending = assertPending(items, `${who}'s check${what}`);
    const report = checkClose(mirror, input.closeId, [...new Set(pending.map((i) => i.class_id ?? 0))]);
    const findings = findingCounts(report);
    const withFindings = pending
      .map((i) => ({
        item: i,
        count: findings.get(itemKey(teacher.id, i.class_id ?? 0, i.subject_id ?? 0)) ?? 0,
      }))
      .filter((x) => x.count > 0);
    if (withFindings.length > 0) {
      const list = withFindings.map(
        (x) => `${names.klass(x.item.class_id)} ${names.subject(x.item.subject_id)}: ${x.count}`,
      );
      throw new MoorError(
        'CLOSE_ITEM_HAS_FINDINGS',
        `${who}'s check cannot be confirmed while findings remain (${list.join('; ')}). ` +
          'Correct the journal and sync, or have a deputy override day 1 with a written reason.',
        { teacherId: teacher.id, items: withFindings.map((x) => ({ itemId: x.item.id, findings: x.count })) },
      );
    }
    for (const item of pending) {
      markItemDone(mirror, item, { findings: 0, checked_at: at.toISOString() }, 'close.confirm', actor, at);
    }
    return pending.length;
  });
}

/**
 * Confirms, in one go, every open teacher item the checks find nothing in now (the teachers
 * whose journals are in order); the others stay open. Returns how many were confirmed.
 */
export function confirmCleanTeacherChecks(
  mirror: Mirror,
  closeId: number,
  actor: Actor,
  clock: Clock,
): number {
  assertAllowed(actor, 'close.confirm');
  const at = clock();
  return mirror.transaction(() => {
    const report = checkClose(mirror, closeId);
    const findings = findingCounts(report);
    const clean = closeItems(mirror, closeId, { kind: 'teacher_check' })
      .filter(isPending)
      .filter(
        (i) => (findings.get(itemKey(i.teacher_id ?? 0, i.class_id ?? 0, i.subject_id ?? 0)) ?? 0) === 0,
      );
    for (const item of clean) {
      markItemDone(mirror, item, { findings: 0, checked_at: at.toISOString() }, 'close.confirm', actor, at);
    }
    return clean.length;
  });
}
