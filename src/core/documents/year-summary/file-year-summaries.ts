import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import type { Clock } from '../../clock';
import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import { addArchiveEntry } from '../../registers/archive-register';
import { recordHandover } from '../../registers/handover-log';
import { schoolLanguage } from '../../settings/school';
import { currentSummarySheet } from './current-summary-sheet';
import { documentLabels } from '../words';

/**
 * The secretary receives signed year-end summary sheets into the archive (R 3.8): for each, a
 * hand-over log line from the deputy who printed it to her, and its archive register line, signed
 * and sealed, received on the day she records it. A sheet already in the register is left as it
 * is; a sheet the director has not signed, or a newer print replaced, is refused. All or none.
 */
export function fileYearSummaries(
  mirror: Mirror,
  input: { readonly documentIds: readonly string[] },
  actor: Actor,
  clock: Clock,
): number[] {
  assertAllowed(actor, 'registers.edit');
  const at = clock();
  const labels = documentLabels(schoolLanguage(mirror));
  return mirror.transaction(() =>
    input.documentIds.flatMap((documentId) => {
      const sheet = currentSummarySheet(mirror, documentId, 'file');
      const signoff = mirror.first(
        mirror.db.selectFrom('year_summary_signoff').selectAll().where('document_id', '=', documentId),
      );
      if (!signoff) {
        throw new MoorError(
          'SUMMARY_NOT_SIGNED',
          `The summary sheet ${documentId} is not signed by the director yet; it goes to the archive signed.`,
          { field: 'documentIds', documentId },
        );
      }
      const filed = mirror.first(
        mirror.db.selectFrom('archive_register').select('id').where('document_ref', '=', documentId),
      );
      if (filed) return [];
      recordHandover(mirror, {
        actor,
        clock,
        at,
        documentIds: [documentId],
        fromName: sheet.created_by,
        toName: actor.name,
        copies: 1,
        pages: sheet.pages,
      });
      const entry = addArchiveEntry(mirror, {
        actor,
        clock,
        classId: sheet.class_id,
        periodLabel: labels.schoolYear(yearLabel(mirror, sheet.academic_year_id)),
        documentTitle: labels.yearSummaryTitle,
        kind: 'year_summary',
        documentRef: documentId,
        pages: sheet.pages,
        receivedOn: at.toISOString().slice(0, 10),
        handedOverBy: sheet.created_by,
        receivedBy: actor.name,
        directorSigned: true,
        stamped: true,
      });
      return [entry.id];
    }),
  );
}

function yearLabel(mirror: Mirror, academicYearId: number | null): string {
  if (academicYearId === null) return '';
  return (
    mirror.first(mirror.db.selectFrom('academic_year').select('label').where('id', '=', academicYearId))
      ?.label ?? ''
  );
}
