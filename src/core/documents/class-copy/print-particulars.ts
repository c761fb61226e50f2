import type { Language } from '../../db/schema';
import { printedDateTime } from '../format-date';
import type { Block, FieldsBlock } from '../layout/model';
import type { ReprintReason, SubjectChanges } from '../records/reprint-reason';
import { reprintWords, type ReprintWords } from '../words';

/** The copy's print date and the instant its journal data is as of, as title-page fields. */
export function printParticulars(
  language: Language,
  print: { createdAt: string; dataAsOf: string | null },
): FieldsBlock['fields'] {
  const words = reprintWords(language);
  return [
    { label: words.printedOn, value: printedDateTime(print.createdAt) },
    {
      label: words.dataAsOf,
      value: print.dataAsOf === null ? words.neverSynced : words.asOf(printedDateTime(print.dataAsOf)),
    },
  ];
}

/** "This copy replaces copy X. Because …": the reason in the edition's words, one sentence each. */
export function reprintReasonLines(language: Language, reason: ReprintReason): [string, string] {
  const words = reprintWords(language);
  return [words.replaces(reason.replacesId), because(words, language, reason)];
}

/** The title page's notice of the copy a re-print replaces, and why. */
export function replacementNotice(language: Language, reason: ReprintReason | null): Block[] {
  if (reason === null) return [];
  const [replaces, why] = reprintReasonLines(language, reason);
  return [
    { kind: 'space', height: 4 },
    { kind: 'text', text: replaces, size: 9, bold: true },
    { kind: 'text', text: why, size: 9 },
  ];
}

function because(words: ReprintWords, language: Language, reason: ReprintReason): string {
  if (reason.sameData) return words.sameData;
  if (reason.subjects.length === 0) return words.added;
  return words.changed(reason.subjects.map((s) => subjectChanges(words, language, s)).join('; '));
}

function subjectChanges(words: ReprintWords, language: Language, changes: SubjectChanges): string {
  const name =
    changes.subjectId === null ? words.noSubject : language === 'ru' ? changes.nameRu : changes.nameKy;
  const counts = words.changeCounts;
  const parts = [
    changes.marks > 0 ? counts.marks(changes.marks) : null,
    changes.finals > 0 ? counts.finals(changes.finals) : null,
    changes.lessons > 0 ? counts.lessons(changes.lessons) : null,
    changes.attendance > 0 ? counts.attendance(changes.attendance) : null,
  ].filter((part): part is string => part !== null);
  return `${name}: ${parts.join(', ')}`;
}
