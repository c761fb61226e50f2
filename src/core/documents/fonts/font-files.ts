import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fonts every printed document embeds (as a subset). DejaVu Sans Condensed has every
 * Kyrgyz and Russian letter (Ң ң Ө ө Ү ү included) and is narrow enough for 70-lesson grids.
 * The TTF files ship in `resources/fonts` with the app; MOOR_RESOURCES points elsewhere when packaged.
 */
export type FontWeight = 'regular' | 'bold';

const fileNames: Record<FontWeight, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
};

export function fontsDir(): string {
  const override = process.env.MOOR_RESOURCES;
  if (override) return path.join(override, 'fonts');
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../../resources/fonts');
}

const cache = new Map<FontWeight, Buffer>();

export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(fontsDir(), fileNames[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}
