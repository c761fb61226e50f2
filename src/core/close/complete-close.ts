import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { describeActor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Clock } from '../clock';
import type { Mirror } from '../db/mirror';
import { documentLabels } from '../documents/labels';
import { freezePeriod } from '../mirror/frozen';
import { closeItems, getPeriod } from './close-store';
import { dayFiveStep } from './day5-handover';
import { markItemDone } from './item-actions';

export interface CompletedClose {
  folderLabel: string;
  frozenClasses: number;
}

/** The folder's name in the school's document language: "2025-2026 окуу жылы, 1-чейрек". */
export function folderLabel(mirror: Mirror, periodId: number): string {
  const period = getPeriod(mirror, periodId);
  const year = mirror.first(
    mirror.db.selectFrom('academic_year').select('label').where('id', '=', period.academic_year_id),
  );
  const school = mirror.first(mirror.db.selectFrom('school').select('document_language').limit(1));
  const labels = documentLabels(school?.document_language ?? 'ky');
  return `${year?.label ?? ''}, ${labels.periodName(period.kind, period.number)}`;
}

/**
 * Day 5, last step: the secretary has formed the folder of the quarter, half-year or year. The
 * close completes, and each class's period is frozen as printed: later syncs that change it are
 * flagged as changes to certified data.
 */
export function completeClose(mirror: Mirror, closeId: number, actor: Actor, clock: Clock): CompletedClose {
  assertAllowed(actor, 'close.formFolder');
  assertAllowed(actor, 'close.complete');
  const at = clock();
  return mirror.transaction(() => {
    const item = dayFiveStep(mirror, closeId, 'folder');
    const run = mirror.first(mirror.db.selectFrom('close_run').selectAll().where('id', '=', closeId));
    const periodId = run?.period_id ?? 0;
    const label = folderLabel(mirror, periodId);
    markItemDone(mirror, item, { reference: label }, 'close.formFolder', actor, at);
    const prints = closeItems(mirror, closeId, { kind: 'class_print' });
    for (const print of prints) {
      if (print.class_id === null) continue;
      freezePeriod(mirror, { classId: print.class_id, periodId, documentId: print.document_id }, at);
    }
    mirror.run(
      mirror.db
        .updateTable('close_run')
        .set({
          status: 'completed',
          completed_at: at.toISOString(),
          completed_by: describeActor(actor),
          folder_label: label,
        })
        .where('id', '=', closeId),
    );
    appendAudit(
      mirror,
      {
        actor,
        action: 'close.complete',
        entity: 'close_run',
        entityId: closeId,
        before: { status: 'open' },
        after: {
          status: 'completed',
          folderLabel: label,
          frozen: prints.map((p) => ({ classId: p.class_id, documentId: p.document_id })),
        },
      },
      at,
    );
    return { folderLabel: label, frozenClasses: prints.length };
  });
}
