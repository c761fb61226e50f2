import type { Mirror } from '../../db/mirror';
import { closeItems, closeStatus } from '../../close';
import type { CloseItem } from '../../close/close-item-store';
import { listCloses } from '../../close/close-store';
import { loadNameBook } from '../../close/names';
import { className, staffName } from '../../close/names';
import { periodClasses } from '../../close/period-classes';
import type { CheckReport } from '../../checks/run-checks';
import type { CheckListView, CloseBoard, CloseItemView, CloseOverview } from '../../../shared/views';
import type { CheckRuleId } from '../../../shared/check-rules';

/** Periods that can be closed and the closes already started, for the close screen's picker. */
export function closeOverview(mirror: Mirror): CloseOverview {
  const periods = mirror.all(mirror.db.selectFrom('reporting_period').selectAll().orderBy('starts_on'));
  const closes = listCloses(mirror);
  return {
    periods: periods.map((p) => ({
      id: p.id,
      kind: p.kind,
      number: p.number,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      classes: periodClasses(mirror, p).map((c) => ({ id: c.id, name: className(c) })),
    })),
    closes: closes.map((c) => ({ id: c.id, periodId: c.period_id, status: c.status })),
  };
}

/** The five-day board: the close's own status plus every item with its names, for the screens to word. */
export function closeBoard(mirror: Mirror, closeId: number): CloseBoard {
  const status = closeStatus(mirror, closeId);
  const names = loadNameBook(mirror);
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', status.periodId),
  );
  if (!period) throw new Error(`close ${closeId} has no period`);
  // A page of a subject is signed by whoever teaches it in the class (two teachers for subgroups).
  const assignments = mirror.all(
    mirror.db
      .selectFrom('teaching_assignment')
      .select(['class_id', 'subject_id', 'teacher_id'])
      .distinct()
      .orderBy('teacher_id'),
  );
  const teachersOf = (classId: number, subjectId: number) =>
    assignments.filter((a) => a.class_id === classId && a.subject_id === subjectId).map((a) => a.teacher_id);
  // The title page is certified by the class teacher (or whoever did, once it is done).
  const classTeachers = new Map(
    mirror
      .all(mirror.db.selectFrom('class').select(['id', 'class_teacher_id']))
      .map((c) => [c.id, c.class_teacher_id]),
  );
  const certifierOf = (i: CloseItem): number | null =>
    i.kind === 'title_certification' && i.class_id !== null
      ? (i.signer_id ?? classTeachers.get(i.class_id) ?? null)
      : null;
  const signerOf = (i: CloseItem): number | null =>
    i.teacher_id ??
    certifierOf(i) ??
    (i.kind === 'subject_signature' && i.class_id !== null && i.subject_id !== null
      ? (teachersOf(i.class_id, i.subject_id)[0] ?? null)
      : null);
  const signerNames = (i: CloseItem): string | null => {
    if (i.teacher_id !== null) return names.staff(i.teacher_id);
    const certifier = certifierOf(i);
    if (certifier !== null) return names.staff(certifier);
    if (i.kind !== 'subject_signature' || i.class_id === null || i.subject_id === null) return null;
    return teachersOf(i.class_id, i.subject_id)
      .map((id) => names.staff(id))
      .join(', ');
  };
  const item = (i: CloseItem): CloseItemView => ({
    id: i.id,
    day: i.day,
    kind: i.kind,
    status: i.status,
    classId: i.class_id,
    className: i.class_id === null ? null : names.klass(i.class_id),
    subjectId: i.subject_id,
    subjectName: i.subject_id === null ? null : names.subject(i.subject_id),
    teacherId: signerOf(i),
    teacherName: signerNames(i),
    findings: i.findings,
    doneAt: i.done_at,
    signedOn: i.signed_on,
    voided: i.status === 'voided',
  });
  const secretaries = mirror.all(
    mirror.db
      .selectFrom('staff')
      .select(['id', 'last_name', 'first_name'])
      .where('position', '=', 'secretary'),
  );
  return {
    closeId,
    period: {
      id: period.id,
      kind: period.kind,
      number: period.number,
      startsOn: period.starts_on,
      endsOn: period.ends_on,
    },
    status: status.status,
    startedAt: status.startedAt,
    completedAt: status.completedAt,
    currentDay: status.currentDay,
    classes: status.classes,
    days: status.days.map((d) => ({
      day: d.day,
      completed: d.completed,
      completedAt: d.completedAt,
      override: d.override
        ? { reason: d.override.reason, at: d.override.at, openItems: d.override.openItems }
        : null,
      total: d.counts.total,
      done: d.counts.done + d.counts.overridden,
    })),
    items: closeItems(mirror, closeId).map(item),
    changedSincePrint: status.changedSincePrint.map((c) => ({ className: c.className, changes: c.changes })),
    secretaries: secretaries.map((s) => ({ id: s.id, name: staffName(s) })),
  };
}

/** Day 1's check lists: per teacher, class and subject, how many findings of each kind. */
export function checkListView(mirror: Mirror, report: CheckReport): CheckListView {
  const names = loadNameBook(mirror);
  return {
    items: report.items.map((i) => {
      const byRule: Partial<Record<CheckRuleId, number>> = {};
      for (const f of i.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      return {
        teacherId: i.teacherId,
        teacherName: names.staff(i.teacherId),
        classId: i.classId,
        className: names.klass(i.classId),
        subjectId: i.subjectId,
        subjectName: names.subject(i.subjectId),
        byRule,
        total: i.findings.length,
      };
    }),
    totals: report.totals,
  };
}
