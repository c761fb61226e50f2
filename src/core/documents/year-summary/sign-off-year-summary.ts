import type { Actor } from '../../auth/actor';
import { assertAllowed } from '../../auth/permissions';
import { appendAudit } from '../../audit/audit-log';
import type { Clock } from '../../clock';
import { signedOnDate } from '../../close/signed-on';
import type { Mirror } from '../../db/mirror';
import { MoorError } from '../../errors';
import { currentSummarySheet } from './current-summary-sheet';

/**
 * Records that the director signed year-end summary sheets on a date, each sheet by its document
 * id, audited, all or none. A sheet a newer print superseded is refused: its paper is not the one
 * to sign; so is a draft, printed with finals missing. Signing a sheet already signed keeps the
 * first signature.
 */
export function signOffYearSummaries(
  mirror: Mirror,
  input: { readonly documentIds: readonly string[]; readonly signedOn: string },
  actor: Actor,
  clock: Clock,
): void {
  assertAllowed(actor, 'documents.signOff');
  const at = clock();
  mirror.transaction(() => {
    for (const documentId of input.documentIds) {
      const sheet = currentSummarySheet(mirror, documentId, 'sign');
      const draft = mirror.first(
        mirror.db
          .selectFrom('year_summary_draft')
          .select('missing_finals')
          .where('document_id', '=', documentId),
      );
      if (draft) {
        throw new MoorError(
          'SUMMARY_IS_DRAFT',
          `The summary sheet ${documentId} is a draft (${draft.missing_finals} finals missing); print it again once the finals are given, and sign that sheet.`,
          { field: 'documentIds', documentId, count: draft.missing_finals },
        );
      }
      const signedOn = signedOnDate(input.signedOn, at, sheet.created_at);
      const signed = mirror.first(
        mirror.db
          .selectFrom('year_summary_signoff')
          .select('document_id')
          .where('document_id', '=', documentId),
      );
      if (signed) continue;
      mirror.run(
        mirror.db.insertInto('year_summary_signoff').values({
          document_id: documentId,
          signed_on: signedOn,
          signed_by: actor.name,
          recorded_at: at.toISOString(),
        }),
      );
      appendAudit(
        mirror,
        {
          actor,
          action: 'document.directorSign',
          entity: 'document',
          entityId: documentId,
          after: { kind: sheet.kind, classId: sheet.class_id, signedOn },
        },
        at,
      );
    }
  });
}
