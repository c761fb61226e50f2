import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MoorError } from '../../errors';

/**
 * The fonts every printed document embeds (as a subset). DejaVu Sans Condensed has every
 * Kyrgyz and Russian letter (Ң ң Ө ө Ү ү included) and is narrow enough for 70-lesson grids.
 * The TTF files ship in `resources/fonts`: beside the sources, or in the packaged app's resources
 * folder (electron-builder extraResources). MOOR_RESOURCES names another resources folder.
 */
export type FontWeight = 'regular' | 'bold';

const fileNames: Record<FontWeight, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
};

export function fontsDir(): string {
  const override = process.env.MOOR_RESOURCES;
  if (override) return path.join(override, 'fonts');
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = packaged === undefined ? [] : [path.join(packaged, 'fonts')];
  // From src/core/documents/fonts, or from a bundle's folder under dist/, up to the project root.
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'resources', 'fonts'));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, fileNames.regular)));
  if (found === undefined)
    throw new MoorError(
      'FONTS_MISSING',
      `The fonts for printed documents (${fileNames.regular}) were not found in: ${candidates.join(', ')}.`,
    );
  return found;
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
