import fs from 'node:fs';
import path from 'node:path';
import type { DocumentSpec } from './layout/model';
import { paginate } from './layout/paginate';
import { resolvePlacedReferences, resolveSpecReferences } from './layout/page-references';
import type { Page } from './layout/page';
import { MoorError } from '../errors';
import { renderPdf } from './pdf/render-pdf';
import { sha256Hex } from './short-hash';
import { renderXlsx } from './xlsx/render-xlsx';

export interface WrittenFile {
  readonly path: string;
  readonly sha256: string;
}

/** Lays out and writes the PDF; written next to the target and renamed, so no half file is left. */
export async function writePdf(spec: DocumentSpec, target: string): Promise<WrittenFile & { pages: number }> {
  const pages = laidOut(spec);
  const bytes = await renderPdf(spec, pages);
  writeAtomically(target, bytes);
  return { path: target, sha256: sha256Hex(bytes), pages: pages.length };
}

export async function writeXlsx(spec: DocumentSpec, target: string): Promise<WrittenFile> {
  const bytes = await renderXlsx(resolveSpecReferences(spec, paginate(spec)));
  writeAtomically(target, bytes);
  return { path: target, sha256: sha256Hex(bytes) };
}

/** Both files of a document, in memory: compared with a record before anything is written. */
export interface RenderedDocument {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly sha256: string;
  readonly xlsx: Buffer;
  readonly xlsxSha256: string;
}

export async function renderDocument(spec: DocumentSpec): Promise<RenderedDocument> {
  // The workbook needs the page numbers of the layout; its rows are then built at once and
  // deflated on libuv's threads while the PDF is drawn here.
  const pages = laidOut(spec);
  const xlsxRendering = renderXlsx(resolveSpecReferences(spec, pages));
  const pdf = await renderPdf(spec, pages);
  const xlsx = await xlsxRendering;
  return { pdf, pages: pages.length, sha256: sha256Hex(pdf), xlsx, xlsxSha256: sha256Hex(xlsx) };
}

/** The pages with every page reference (contents, sheet count) replaced by its number. */
function laidOut(spec: DocumentSpec): Page[] {
  const pages = paginate(spec);
  resolvePlacedReferences(pages);
  return pages;
}

export function writeAtomically(target: string, bytes: Uint8Array): void {
  const temporary = temporaryBeside(target);
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, target);
}

/**
 * Writes a printed document's file where no earlier print can be lost: a file already there with
 * the same bytes is the same print and is left as it is; different bytes under a printed
 * document's name mean someone changed that file, and it is kept, not overwritten.
 */
export function writeNewFile(target: string, bytes: Uint8Array, documentId: string): void {
  let existing: Buffer | undefined;
  try {
    existing = fs.readFileSync(target);
  } catch {
    existing = undefined;
  }
  if (existing === undefined) {
    writeAtomically(target, bytes);
    return;
  }
  if (existing.equals(bytes)) return;
  throw new MoorError(
    'DOCUMENT_FILE_CHANGED',
    `The file ${target} of document ${documentId} was changed on disk after printing; it is left as it is. Move it away and print again.`,
    { documentId, path: target },
  );
}

/**
 * The first name `<stem>-<n><ext>` in `folder` not yet taken, counting from 1, unless the last one
 * taken holds `bytes` already (the same print again).
 */
export function nextPrintName(
  folder: string,
  stem: string,
  ext: string,
  sameAs?: (file: string) => boolean,
): string {
  const taken = new Set(fs.existsSync(folder) ? fs.readdirSync(folder) : []);
  let n = 1;
  while (taken.has(`${stem}-${n}${ext}`)) n += 1;
  const last = path.join(folder, `${stem}-${n - 1}${ext}`);
  if (n > 1 && sameAs?.(last) === true) return last;
  return path.join(folder, `${stem}-${n}${ext}`);
}

/** The name a file is written under beside `target` (its folder made) until it takes its place. */
export function temporaryBeside(target: string): string {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  return `${target}.${process.pid}.part`;
}
