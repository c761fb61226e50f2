import type { Actor } from '../../auth/actor';
import { appendAudit } from '../../audit/audit-log';
import type { Mirror } from '../../db/mirror';
import type { DocumentKind, DocumentTable, Language } from '../../db/schema';

export type DocumentRecord = DocumentTable;

/** The copy now in force for a class, period (or year) and language: the latest not superseded. */
export function currentDocument(
  mirror: Mirror,
  scope: {
    kind: DocumentKind;
    classId: number;
    periodId: number | null;
    academicYearId: number | null;
    language: Language;
  },
): DocumentRecord | undefined {
  let query = mirror.db
    .selectFrom('document')
    .selectAll()
    .where('kind', '=', scope.kind)
    .where('class_id', '=', scope.classId)
    .where('language', '=', scope.language)
    .where('superseded_by', 'is', null);
  query =
    scope.periodId === null
      ? query.where('period_id', 'is', null)
      : query.where('period_id', '=', scope.periodId);
  if (scope.academicYearId !== null) query = query.where('academic_year_id', '=', scope.academicYearId);
  return mirror.first(query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1));
}

export function documentById(mirror: Mirror, id: string): DocumentRecord | undefined {
  return mirror.first(mirror.db.selectFrom('document').selectAll().where('id', '=', id));
}

/**
 * Records a newly printed document and supersedes the copy it replaces, with the audit entry,
 * in one transaction.
 */
export function recordDocument(
  mirror: Mirror,
  record: DocumentRecord,
  supersedes: DocumentRecord | undefined,
  actor: Actor,
  at: Date,
  auditHead: string | null = null,
): void {
  mirror.transaction(() => {
    mirror.run(mirror.db.insertInto('document').values(record));
    if (supersedes) {
      mirror.run(
        mirror.db.updateTable('document').set({ superseded_by: record.id }).where('id', '=', supersedes.id),
      );
    }
    appendAudit(
      mirror,
      {
        actor,
        action: 'document.print',
        entity: 'document',
        entityId: record.id,
        before: supersedes ? { id: supersedes.id, dataFingerprint: supersedes.data_fingerprint } : undefined,
        after: {
          kind: record.kind,
          classId: record.class_id,
          periodId: record.period_id,
          language: record.language,
          pages: record.pages,
          sha256: record.sha256,
          xlsxSha256: record.xlsx_sha256,
          dataFingerprint: record.data_fingerprint,
          // The head printed on the copy, so that a reprint of the same data carries it again.
          ...(auditHead === null ? {} : { auditHead }),
        },
      },
      at,
    );
  });
}

/** The audit chain's head a recorded copy was printed with; null for copies printed without one. */
export function printedAuditHead(mirror: Mirror, documentId: string): string | null {
  const entry = mirror.first(
    mirror.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'document.print')
      .where('entity_id', '=', documentId)
      .orderBy('id', 'desc')
      .limit(1),
  );
  const after = entry?.after_json ? (JSON.parse(entry.after_json) as { auditHead?: unknown }) : {};
  return typeof after.auditHead === 'string' ? after.auditHead : null;
}
