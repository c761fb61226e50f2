import type { AbsenceReason } from '../../db/schema';

/** What one day cell of a class journal holds: marks in the order entered, and an absence code. */
export interface JournalCell {
  marks: string[];
  absence: AbsenceReason | null;
}

export type CellParse = { ok: true; cell: JournalCell } | { ok: false; expected: string; found: string };

/** Entries of one cell are joined by a middle dot ("5·Н", "4·4"); a bullet or a comma also occurs. */
const SEPARATORS = /[·•∙,]/;
const MARKS = new Set(['1', '2', '3', '4', '5']);
const ABSENCES: ReadonlyMap<string, AbsenceReason> = new Map([
  ['Н', 'Н'],
  ['Б', 'Б'],
  ['У', 'У'],
]);
/** Not attested: the journal keeps it as text. */
export const NOT_ATTESTED = 'н/а';

export const DAY_CELL_EXPECTED = 'marks 1–5, Н/А or one absence code Н, Б, У, joined by "·"';

/** The text of a cell value exceljs returns (number, string, rich text, formula result). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text.trim();
  }
  return '';
}

/**
 * What a cell holds that is no journal entry and that `cellText` would read as empty: a date,
 * TRUE/FALSE, an error such as #N/A, or a formula saved without its result. Read as empty, such a
 * cell would remove the marks the mirror has there; it is named instead.
 */
export function unreadableCell(value: unknown): string | undefined {
  if (value instanceof Date) return 'a date';
  if (typeof value === 'boolean') return String(value).toUpperCase();
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { error?: unknown; formula?: unknown; sharedFormula?: unknown; result?: unknown };
  if (typeof v.error === 'string') return v.error;
  if ((v.formula !== undefined || v.sharedFormula !== undefined) && !('result' in v && v.result != null))
    return 'a formula without a saved result';
  if ('result' in v) return unreadableCell(v.result);
  return undefined;
}

/** Parses one day cell of a class journal; an entry it does not know is reported, never guessed. */
export function parseJournalCell(text: string): CellParse {
  const cell: JournalCell = { marks: [], absence: null };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, cell };
  for (const part of trimmed.split(SEPARATORS)) {
    const token = part.trim().toUpperCase();
    if (token === '') return { ok: false, expected: DAY_CELL_EXPECTED, found: text };
    if (MARKS.has(token)) cell.marks.push(token);
    else if (token === 'Н/А') cell.marks.push(NOT_ATTESTED);
    else {
      const absence = ABSENCES.get(token);
      if (absence === undefined || cell.absence !== null) {
        return { ok: false, expected: DAY_CELL_EXPECTED, found: text };
      }
      cell.absence = absence;
    }
  }
  return { ok: true, cell };
}

/** The journal's text for a cell: the inverse of `parseJournalCell`. */
export function formatJournalCell(cell: JournalCell): string {
  const marks = cell.marks.map((m) => (m === NOT_ATTESTED ? 'Н/А' : m));
  return [...marks, ...(cell.absence === null ? [] : [cell.absence])].join('·');
}

export const FINAL_EXPECTED = 'a final mark 1–5, Н/А (not attested) or осв. (exempt)';

/** A quarter-mark cell: a mark, not attested or exempt, kept as the mirror writes them. */
export function parseFinalCell(text: string): string | null | undefined {
  const token = text.trim().toLowerCase().replace(/\.$/, '');
  if (token === '') return null;
  if (MARKS.has(token)) return token;
  if (token === NOT_ATTESTED) return NOT_ATTESTED;
  if (token === 'осв') return 'осв';
  return undefined;
}
