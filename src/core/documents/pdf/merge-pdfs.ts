import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';

/**
 * The merge runs on the thread that records the copies, in the app the one that answers the
 * window: a pause every 500 objects (pdf-lib's default is 50) keeps it answering every few tens of
 * milliseconds at a cost of a few milliseconds in all.
 */
const OBJECTS_BETWEEN_PAUSES = 500;

/**
 * One PDF for the print shop: the class copies one after another, each keeping its own
 * "page n of N", id and QR code. Dated with the newest copy, so the same copies merge to the same bytes.
 */
export async function mergePdfs(
  files: readonly string[],
  title: string,
  createdAt: string,
): Promise<Uint8Array> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  merged.setTitle(title);
  merged.setProducer('Мөөр');
  merged.setCreator('Мөөр');
  merged.setCreationDate(new Date(createdAt));
  merged.setModificationDate(new Date(createdAt));
  for (const file of files) {
    const source = await PDFDocument.load(fs.readFileSync(file), {
      updateMetadata: false,
      parseSpeed: OBJECTS_BETWEEN_PAUSES,
    });
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged.save({ useObjectStreams: true, objectsPerTick: OBJECTS_BETWEEN_PAUSES });
}
