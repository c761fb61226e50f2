/**
 * Text a spreadsheet program could take for a formula (= + - @, and tab or carriage return
 * before them) is stored with a leading apostrophe, so a pupil's name or a lesson topic can
 * never run as a formula on the secretary's PC.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text as it was before escaping (for reading our own files back). */
export function unescapeCellText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
