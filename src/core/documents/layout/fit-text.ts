import type { FontWeight } from '../fonts/font-files';
import type { FontMetrics } from '../fonts/metrics';
import { MIN_TYPE_SIZE } from './margins';

/** Where a line may break: any white space but the no-break space that holds «31 555» together. */
const BREAKABLE_SPACE = /[^\S\u00a0]+/g;

export interface FittedText {
  readonly size: number;
  readonly lines: readonly string[];
}

/**
 * Fits text into a width without ever running over it: unchanged when it fits; shrunk when one
 * line fits at no less than `minSize` (names, short headers); otherwise wrapped at word
 * boundaries (long topics), shrunk as far as `minSize` so that no word is cut, and only words
 * still longer than the width broken between letters.
 * With `prefer: 'wrap'` (column headers) text whose every word fits is wrapped at full size
 * rather than shrunk, so neighbouring headers keep one size; a single long word still shrinks
 * before it would be broken.
 * Nothing is ever set smaller than MIN_TYPE_SIZE, whatever the caller asks.
 */
export function fitText(
  metrics: FontMetrics,
  text: string,
  width: number,
  wantedSize: number,
  wantedMinSize: number,
  weight: FontWeight,
  prefer: 'shrink' | 'wrap' = 'shrink',
): FittedText {
  const size = Math.max(wantedSize, MIN_TYPE_SIZE);
  const minSize = Math.max(wantedMinSize, MIN_TYPE_SIZE);
  const paragraphs = text.split('\n');
  const widest = Math.max(...paragraphs.map((p) => metrics.width(p, size, weight)));
  if (widest <= width) return { size, lines: paragraphs };
  const wrapsWhole =
    prefer === 'wrap' &&
    text.split(BREAKABLE_SPACE).every((word) => word === '' || metrics.width(word, size, weight) <= width);
  if (paragraphs.length === 1 && minSize < size && !wrapsWhole) {
    const shrunk = Math.floor(((size * width) / widest) * 10) / 10;
    if (shrunk >= minSize) return { size: shrunk, lines: paragraphs };
  }
  // Wrapped at a size (down to minSize) at which every word fits whole, if there is one.
  const words = text.split(BREAKABLE_SPACE).filter((w) => w !== '');
  const widestWord = Math.max(0, ...words.map((w) => metrics.width(w, size, weight)));
  const wrapSize =
    widestWord > width ? Math.max(minSize, Math.floor(((size * width) / widestWord) * 10) / 10) : size;
  const lines: string[] = [];
  for (const paragraph of paragraphs) lines.push(...wrap(metrics, paragraph, width, wrapSize, weight));
  return { size: wrapSize, lines };
}

/**
 * Text that has one line to itself (the teacher's signature line, a name on a signature line,
 * captions): shrunk as far as it takes to fit, never cut; wrapped only when it would otherwise
 * fall below the smallest type.
 */
export function fitLine(
  metrics: FontMetrics,
  text: string,
  width: number,
  size: number,
  weight: FontWeight,
): FittedText {
  const line = text.replace(BREAKABLE_SPACE, ' ').trim();
  const natural = metrics.width(line, size, weight);
  if (natural <= width) return { size, lines: [line] };
  const shrunk = Math.floor(((size * width) / natural) * 100) / 100;
  if (shrunk >= MIN_TYPE_SIZE) return { size: shrunk, lines: [line] };
  return fitText(metrics, line, width, MIN_TYPE_SIZE, MIN_TYPE_SIZE, weight);
}

function wrap(metrics: FontMetrics, text: string, width: number, size: number, weight: FontWeight): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(BREAKABLE_SPACE).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (metrics.width(candidate, size, weight) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const piece of breakWord(metrics, word, width, size, weight)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function breakWord(
  metrics: FontMetrics,
  word: string,
  width: number,
  size: number,
  weight: FontWeight,
): string[] {
  if (metrics.width(word, size, weight) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && metrics.width(piece + char, size, weight) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
