import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * pdf-lib expects the fontkit 1 API; its bundled fork breaks subsetting of some fonts, upstream
 * fontkit 2 does not. The one difference pdf-lib touches: a fontkit 2 subset has `encode()` where
 * pdf-lib calls `encodeStream()` and listens for 'data' / 'end'. This adapter supplies that.
 */
interface ByteEvents {
  on(event: 'data' | 'end' | 'error', listener: (value?: unknown) => void): ByteEvents;
}

function encodedAsStream(encode: () => Uint8Array): ByteEvents {
  const listeners = new Map<string, (value?: unknown) => void>();
  const events: ByteEvents = {
    on(event, listener) {
      listeners.set(event, listener);
      if (event === 'end') {
        queueMicrotask(() => {
          try {
            listeners.get('data')?.(encode());
            listeners.get('end')?.();
          } catch (error) {
            listeners.get('error')?.(error);
          }
        });
      }
      return events;
    },
  };
  return events;
}

/**
 * Parsed fonts by their bytes: every document embeds the same two fonts, and parsing (and the
 * lazily decoded tables behind it) is the costly part. Subsets stay per document.
 */
const parsed = new WeakMap<Uint8Array, fontkit.Font>();

function parse(data: Uint8Array): fontkit.Font {
  let font = parsed.get(data);
  if (!font) {
    font = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    const createSubset = font.createSubset.bind(font);
    Object.assign(font, {
      createSubset() {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => encodedAsStream(() => subset.encode()) });
      },
    });
    parsed.set(data, font);
  }
  return font;
}

export const fontkitAdapter = { create: parse } as unknown as Fontkit;
