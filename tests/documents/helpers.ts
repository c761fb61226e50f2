import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF as poppler's pdftotext reads it (one string per page); `layout` keeps each
 * printed line together (a label beside its value) instead of reading column by column.
 */
export function pdfPagesText(file: string, options: { layout?: boolean } = {}): string[] {
  const args = ['-enc', 'UTF-8', ...(options.layout === true ? ['-layout'] : []), file, '-'];
  const text = execFileSync('pdftotext', args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Words of a text with all whitespace folded, so wrapped lines compare equal to the source. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A cell value read back with exceljs as plain text (our files hold only strings and numbers). */
export function cellString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}
