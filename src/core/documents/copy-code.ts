/**
 * The code a printed page carries in its QR code: the document id, the start of the data
 * fingerprint and the page number, e.g. `Q1-2025-8А-ky-3f9c2a1b|3f9c2a1b1234|7`. The footer prints
 * the first two as `id · hash`; a person may type that with the page number after it.
 */
export function pageCode(documentId: string, shortHash: string, page: number): string {
  return `${documentId}|${shortHash}|${page}`;
}

export interface ReadCode {
  /** What was read as the document id, in the keys' Latin letters (see `keyboardKeys`). */
  readonly idKeys: string;
  readonly shortHash: string | null;
  readonly page: number | null;
}

const HASH = /^[0-9a-f]{12}$/;
const PAGE = /^\d{1,5}$/;

/**
 * Reads a code as a USB scanner types it or a person copies it from the footer: the QR's
 * `id|hash|page`, the footer's `id · hash`, the id alone, each optionally followed by a page
 * number. Null when nothing in it can be a document id.
 */
export function readCopyCode(text: string): ReadCode | null {
  const tokens = keyboardKeys(text.trim())
    .split(/[|/·\s]+/)
    .filter((t) => t !== '');
  const [id, ...rest] = tokens;
  if (id === undefined || id.length < 3) return null;
  let shortHash: string | null = null;
  let page: number | null = null;
  for (const token of rest) {
    if (shortHash === null && HASH.test(token)) shortHash = token;
    else if (page === null && PAGE.test(token)) page = Number(token);
    else return null;
  }
  return { idKeys: id, shortHash, page };
}

/** Russian ЙЦУКЕН letters by the key of the Latin QWERTY layout they sit on. */
const russianKeys: Readonly<Record<string, string>> = {
  й: 'q',
  ц: 'w',
  у: 'e',
  к: 'r',
  е: 't',
  н: 'y',
  г: 'u',
  ш: 'i',
  щ: 'o',
  з: 'p',
  х: '[',
  ъ: ']',
  ф: 'a',
  ы: 's',
  в: 'd',
  а: 'f',
  п: 'g',
  р: 'h',
  о: 'j',
  л: 'k',
  д: 'l',
  ж: ';',
  э: "'",
  я: 'z',
  ч: 'x',
  с: 'c',
  м: 'v',
  и: 'b',
  т: 'n',
  ь: 'm',
  б: ',',
  ю: '.',
  ё: '`',
};

/**
 * A text as the keys that typed it: a barcode scanner types key by key, so a code scanned while
 * the PC's keyboard is switched to Russian arrives as "Й1-2025-8А-лн-…" for "Q1-2025-8А-ky-…".
 * Mapping every letter to its key (and to lower case) makes both read the same; a document id is
 * compared in this form too, so its own Cyrillic class letter matches however it was typed.
 */
export function keyboardKeys(text: string): string {
  let keys = '';
  for (const char of text.toLowerCase()) keys += russianKeys[char] ?? char;
  return keys;
}
