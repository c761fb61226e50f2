import * as fontkit from 'fontkit';
import { fontBytes, type FontWeight } from './font-files';

/**
 * Text widths from the font's own advance widths, the same widths the PDF viewer uses, so a
 * line measured here never runs out of its cell. Widths are cached per character.
 */
export interface FontMetrics {
  /** Width of `text` in points at `size`. */
  width(text: string, size: number, weight: FontWeight): number;
  /** Characters of `text` the font cannot draw (they would print as empty boxes). */
  missingGlyphs(text: string): string[];
  /** Height above the baseline of capitals, as a fraction of the font size. */
  readonly ascent: number;
}

let shared: FontMetrics | undefined;

export function fontMetrics(): FontMetrics {
  shared ??= createMetrics();
  return shared;
}

function createMetrics(): FontMetrics {
  const fonts = { regular: fontkit.create(fontBytes('regular')), bold: fontkit.create(fontBytes('bold')) };
  const widths = { regular: new Map<number, number>(), bold: new Map<number, number>() };
  const unitsPerEm = fonts.regular.unitsPerEm;

  const advance = (codePoint: number, weight: FontWeight): number => {
    const cache = widths[weight];
    let value = cache.get(codePoint);
    if (value === undefined) {
      value = fonts[weight].glyphForCodePoint(codePoint).advanceWidth / fonts[weight].unitsPerEm;
      cache.set(codePoint, value);
    }
    return value;
  };

  return {
    ascent: fonts.regular.ascent / unitsPerEm,
    width(text, size, weight) {
      let total = 0;
      for (const char of text) total += advance(char.codePointAt(0) ?? 0, weight);
      return total * size;
    },
    missingGlyphs(text) {
      const missing = new Set<string>();
      for (const char of text) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (codePoint > 0x20 && !fonts.regular.hasGlyphForCodePoint(codePoint)) missing.add(char);
      }
      return [...missing];
    },
  };
}
