import type { Mirror } from '../db/mirror';
import type { Language } from '../db/schema';
import { documentLabels } from '../documents/words';
import { classLabel, periodLabel } from './journal-labels';

/** What an archive line names, as it was written when the line was entered. */
export interface ArchiveLineText {
  readonly class_id: number | null;
  readonly class_label: string;
  readonly period_id: number | null;
  readonly period_label: string;
  readonly document_title: string;
  readonly document_ref: string | null;
}

/**
 * An archive line's class, period and document in the edition a register is printed in: a line
 * that points at the class, the period and a printed document is written anew from them, so a
 * Russian register of a Kyrgyz school has no Kyrgyz word in it; a line typed by hand keeps its text.
 */
export function archiveLineWords(
  mirror: Mirror,
  language: Language,
): (line: ArchiveLineText) => { classLabel: string; periodLabel: string; documentTitle: string } {
  const labels = documentLabels(language);
  const kinds = new Map<string, string | undefined>();
  const kindOf = (id: string) => {
    if (!kinds.has(id)) {
      const found = mirror.first(mirror.db.selectFrom('document').select('kind').where('id', '=', id));
      kinds.set(id, found?.kind);
    }
    return kinds.get(id);
  };
  return (line) => {
    const kind = line.document_ref === null ? undefined : kindOf(line.document_ref);
    return {
      classLabel:
        line.class_id === null ? line.class_label : classLabel(mirror, line.class_id, language).label,
      periodLabel:
        line.period_id === null ? line.period_label : periodLabel(mirror, line.period_id, language).label,
      documentTitle:
        kind === 'class_copy'
          ? labels.titleCopy
          : kind === 'year_summary'
            ? labels.yearSummaryTitle
            : line.document_title,
    };
  };
}
