import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import type { CloseItemKind } from '../db/schema';
import { MoorError } from '../errors';
import { closeDays, dayOfKind } from './close-days';
import { insertCloseDays } from './close-day-store';
import { insertCloseItems } from './close-item-store';
import { classesInCloses, getPeriod, insertClose, lastCloseNumber, type Period } from './close-store';
import { className } from './names';
import { FIRST_CLOSED_GRADE, periodClasses, type PeriodClass } from './period-classes';

export interface StartCloseInput {
  periodId: number;
  /** Narrows the close to these of the period's classes (`periodClasses`); all of them when left out. */
  classIds?: readonly number[];
}

interface NewItem {
  kind: CloseItemKind;
  key: string;
  classId?: number;
  subjectId?: number;
  teacherId?: number;
}

function scopeClasses(mirror: Mirror, period: Period, wanted: readonly number[] | undefined): PeriodClass[] {
  const closing = periodClasses(mirror, period);
  if (wanted === undefined) return closing;
  const byId = new Map(closing.map((c) => [c.id, c]));
  return [...new Set(wanted)].map((id) => {
    const found = byId.get(id);
    if (found) return found;
    const other = mirror.first(
      mirror.db
        .selectFrom('class')
        .select(['grade', 'letter'])
        .where('id', '=', id)
        .where('academic_year_id', '=', period.academic_year_id),
    );
    if (!other) {
      throw new MoorError(
        'CLOSE_CLASS_NOT_FOUND',
        `Class #${id} is not a class of this period's school year.`,
        { classId: id, field: 'classIds' },
      );
    }
    if (other.grade < FIRST_CLOSED_GRADE) {
      throw new MoorError(
        'CLOSE_CLASS_NOT_CLOSED',
        `Class ${className(other)} is not marked; paper copies are for classes 2–11.`,
        { classId: id, field: 'classIds' },
      );
    }
    throw new MoorError(
      'CLOSE_CLASS_NOT_IN_PERIOD',
      `Class ${className(other)} is not closed with this period: only the grades marked by half-year close a half-year.`,
      { classId: id, field: 'classIds' },
    );
  });
}

function itemsFor(mirror: Mirror, classIds: number[]): NewItem[] {
  const assignments = mirror.all(
    mirror.db
      .selectFrom('teaching_assignment')
      .select(['class_id', 'subject_id', 'teacher_id'])
      .distinct()
      .where('class_id', 'in', classIds)
      .orderBy('class_id')
      .orderBy('subject_id')
      .orderBy('teacher_id'),
  );
  const items: NewItem[] = assignments.map((a) => ({
    kind: 'teacher_check',
    key: `check:${a.teacher_id}:${a.class_id}:${a.subject_id}`,
    classId: a.class_id,
    subjectId: a.subject_id,
    teacherId: a.teacher_id,
  }));
  items.push({ kind: 'backup', key: 'backup' });
  for (const classId of classIds) items.push({ kind: 'class_print', key: `print:${classId}`, classId });
  // Each teacher signs the pages of their own subject or subgroup: where two teach one subject in a
  // class (a language taught in two subgroups), each has a line of their own and signs for it alone.
  for (const a of assignments) {
    items.push({
      kind: 'subject_signature',
      key: `sign:${a.class_id}:${a.subject_id}:${a.teacher_id}`,
      classId: a.class_id,
      subjectId: a.subject_id,
      teacherId: a.teacher_id,
    });
  }
  for (const classId of classIds)
    items.push({ kind: 'title_certification', key: `certify:${classId}`, classId });
  for (const kind of ['handover', 'director_signature', 'stamp', 'folder'] as const)
    items.push({ kind, key: kind });
  return items;
}

/**
 * Opens the close of a reporting period over the classes that close with it (or those asked for), with
 * every item of the five days listed up front, so the tracker shows the whole road from day 1.
 */
export function startClose(mirror: Mirror, input: StartCloseInput, actor: Actor, clock: Clock): number {
  assertAllowed(actor, 'close.start');
  const at = clock();
  return mirror.transaction(() => {
    const period = getPeriod(mirror, input.periodId);
    const classes = scopeClasses(mirror, period, input.classIds);
    if (classes.length === 0) {
      throw new MoorError('CLOSE_NO_CLASSES', 'This school year has no classes that close with this period.');
    }
    const classIds = classes.map((c) => c.id);
    const taken = classesInCloses(mirror, period.id, classIds);
    if (taken.length > 0) {
      const names = taken.map((t) =>
        className(classes.find((c) => c.id === t.class_id) ?? { grade: 0, letter: '?' }),
      );
      throw new MoorError(
        'CLOSE_ALREADY_STARTED',
        `This period's close was already started for class${names.length === 1 ? '' : 'es'} ${names.join(', ')} ` +
          `(close ${taken[0]?.close_id ?? '?'}).`,
        { closeId: taken[0]?.close_id, classIds: taken.map((t) => t.class_id) },
      );
    }
    // A close's number is never given twice: a cancelled close's rows are gone, but the audit
    // log keeps speaking of it by its number.
    const closeId = lastCloseNumber(mirror) + 1;
    insertClose(
      mirror,
      { id: closeId, periodId: period.id, startedAt: at.toISOString(), startedBy: describeActor(actor) },
      classIds,
    );
    insertCloseDays(mirror, closeId);
    const items = itemsFor(mirror, classIds);
    insertCloseItems(
      mirror,
      closeId,
      items.map((item) => ({
        day: dayOfKind[item.kind],
        kind: item.kind,
        key: item.key,
        classId: item.classId ?? null,
        subjectId: item.subjectId ?? null,
        teacherId: item.teacherId ?? null,
      })),
    );
    const perDay = Object.fromEntries(
      closeDays.map((d) => [d, items.filter((i) => dayOfKind[i.kind] === d).length]),
    );
    appendAudit(
      mirror,
      {
        actor,
        action: 'close.start',
        entity: 'close_run',
        entityId: closeId,
        after: { periodId: period.id, classIds, itemsPerDay: perDay },
      },
      at,
    );
    return closeId;
  });
}
