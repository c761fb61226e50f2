import type { Selectable } from 'kysely';
import type { Mirror } from '../db/mirror';
import type { CloseRunTable, ReportingPeriodTable } from '../db/schema';
import { MoorError } from '../errors';

export type CloseRun = Selectable<CloseRunTable>;
export type Period = Selectable<ReportingPeriodTable>;

/** How a close is numbered and who started it when. */
export interface NewCloseRun {
  id: number;
  periodId: number;
  startedAt: string;
  startedBy: string;
}

/** Every close the mirror has seen (open, completed or cancelled), the first started first. */
export function listCloses(mirror: Mirror): CloseRun[] {
  return mirror.all(mirror.db.selectFrom('close_run').selectAll().orderBy('id'));
}

export function getClose(mirror: Mirror, closeId: number): CloseRun {
  const run = mirror.first(mirror.db.selectFrom('close_run').selectAll().where('id', '=', closeId));
  if (!run) throw new MoorError('CLOSE_NOT_FOUND', `There is no close number ${closeId}.`, { closeId });
  return run;
}

/** The close, refusing one that is already completed: its data is frozen and its steps are final. */
export function getOpenClose(mirror: Mirror, closeId: number): CloseRun {
  const run = getClose(mirror, closeId);
  if (run.status === 'completed') {
    throw new MoorError(
      'CLOSE_COMPLETED',
      `Close ${closeId} was completed on ${run.completed_at ?? '?'}; nothing in it can change any more.`,
      { closeId },
    );
  }
  return run;
}

export function getPeriod(mirror: Mirror, periodId: number): Period {
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').selectAll().where('id', '=', periodId),
  );
  if (!period) throw new MoorError('PERIOD_NOT_FOUND', `There is no reporting period ${periodId}.`);
  return period;
}

export function closeClassIds(mirror: Mirror, closeId: number): number[] {
  return mirror
    .all(
      mirror.db
        .selectFrom('close_class')
        .innerJoin('class', 'class.id', 'close_class.class_id')
        .select('close_class.class_id')
        .where('close_class.close_id', '=', closeId)
        .orderBy('class.grade')
        .orderBy('class.letter'),
    )
    .map((r) => r.class_id);
}

/** The school year the close's period belongs to (where its classes are looked up by name). */
export function getCloseYear(mirror: Mirror, closeId: number): number {
  return getPeriod(mirror, getClose(mirror, closeId).period_id).academic_year_id;
}

/**
 * The highest close number ever given: the newest close's, or a cancelled one's that only the
 * audit log still names.
 */
export function lastCloseNumber(mirror: Mirror): number {
  const lastRun = mirror.first(mirror.db.selectFrom('close_run').select((eb) => eb.fn.max('id').as('id')));
  const lastAudited = mirror.first(
    mirror.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max(eb.cast<number>('entity_id', 'integer')).as('id'))
      .where('entity', '=', 'close_run'),
  );
  return Math.max(lastRun?.id ?? 0, lastAudited?.id ?? 0);
}

/** A new close over these classes of its period. */
export function insertClose(mirror: Mirror, run: NewCloseRun, classIds: readonly number[]): void {
  mirror.run(
    mirror.db.insertInto('close_run').values({
      id: run.id,
      period_id: run.periodId,
      started_at: run.startedAt,
      started_by: run.startedBy,
      completed_at: null,
      completed_by: null,
      folder_label: null,
    }),
  );
  for (const classId of classIds) {
    mirror.run(
      mirror.db
        .insertInto('close_class')
        .values({ close_id: run.id, period_id: run.periodId, class_id: classId }),
    );
  }
}

/** Which of these classes a close of the period already has, and which close. */
export function classesInCloses(mirror: Mirror, periodId: number, classIds: readonly number[]) {
  return mirror.all(
    mirror.db
      .selectFrom('close_class')
      .select(['class_id', 'close_id'])
      .where('period_id', '=', periodId)
      .where('class_id', 'in', classIds),
  );
}

/** A class of the close with its class teacher, or undefined when the close does not have it. */
export function closeClass(mirror: Mirror, closeId: number, classId: number) {
  return mirror.first(
    mirror.db
      .selectFrom('close_class')
      .innerJoin('class', 'class.id', 'close_class.class_id')
      .select(['class.id', 'class.grade', 'class.letter', 'class.class_teacher_id'])
      .where('close_class.close_id', '=', closeId)
      .where('close_class.class_id', '=', classId),
  );
}

export function markCloseCompleted(
  mirror: Mirror,
  closeId: number,
  completion: { at: string; by: string; folderLabel: string },
): void {
  mirror.run(
    mirror.db
      .updateTable('close_run')
      .set({
        status: 'completed',
        completed_at: completion.at,
        completed_by: completion.by,
        folder_label: completion.folderLabel,
      })
      .where('id', '=', closeId),
  );
}

/** Removes a close and everything it holds (its classes are free to be closed again). */
export function deleteClose(mirror: Mirror, closeId: number): void {
  // Children first: items and days point at overrides, everything points at the run.
  for (const table of ['close_item', 'close_day', 'close_override', 'close_class'] as const) {
    mirror.run(mirror.db.deleteFrom(table).where('close_id', '=', closeId));
  }
  mirror.run(mirror.db.deleteFrom('close_run').where('id', '=', closeId));
}
