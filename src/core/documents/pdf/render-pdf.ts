import zlib from 'node:zlib';
import { PDFDocument, PDFName, type PDFContext, type PDFFont, type PDFRef } from 'pdf-lib';
import { fontBytes } from '../fonts/font-files';
import { fontkitAdapter } from '../fonts/fontkit-adapter';
import type { DocumentSpec } from '../layout/model';
import type { Page, PlacedQr, PlacedWatermark } from '../layout/page';
import { qrOperators } from './qr-form';

const PRODUCER = 'Мөөр';
const QUIET_ZONE_MODULES = 2;

/**
 * Writes laid-out pages as a PDF. Each page's content is one hand-built stream: text with the
 * subset fonts, the whole grid as one path per line width, the QR code as a form drawn once per
 * document. pdf-lib's drawText/drawRectangle would build an object per operator and be many
 * times slower on thousands of grid pages. Every date in the file is the document's
 * `createdAt`, so the same spec always gives the same bytes.
 */
export async function renderPdf(spec: DocumentSpec, pages: readonly Page[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const createdAt = new Date(spec.createdAt);
  doc.setTitle(spec.title);
  doc.setSubject(spec.id);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setLanguage(spec.language);
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);
  useNativeDeflate(doc.context);
  doc.registerFontkit(fontkitAdapter);
  const regular = await doc.embedFont(fontBytes('regular'), {
    subset: true,
    customName: 'MOORAA+DejaVuSansCondensed',
  });
  const bold = await doc.embedFont(fontBytes('bold'), {
    subset: true,
    customName: 'MOORAB+DejaVuSansCondensed-Bold',
  });
  const encode = encoder(regular, bold);
  const qrForms = new Map<string, PDFRef>();

  for (const page of pages) {
    const pdfPage = doc.addPage([page.width, page.height]);
    const content = pageContent(page, encode);
    const contentRef = doc.context.register(doc.context.flateStream(content));
    pdfPage.node.set(PDFName.of('Contents'), contentRef);
    pdfPage.node.setFontDictionary(PDFName.of('F1'), regular.ref);
    pdfPage.node.setFontDictionary(PDFName.of('F2'), bold.ref);
    if (page.qr) {
      let form = qrForms.get(page.qr.text);
      if (!form) {
        form = registerQrForm(doc, page.qr.text);
        qrForms.set(page.qr.text, form);
      }
      pdfPage.node.setXObject(PDFName.of('Q1'), form);
    }
  }
  return doc.save({ useObjectStreams: true, objectsPerTick: WITHOUT_PAUSES });
}

/**
 * pdf-lib pauses on a timer (a millisecond or more) every 50 objects it writes, to keep a browser
 * responsive. One document is written in one go: the largest class copy takes a few tens of
 * milliseconds, and the workbooks of a whole school are rendered on a print worker meanwhile.
 */
const WITHOUT_PAUSES = Number.POSITIVE_INFINITY;

/**
 * Compresses the document's streams (page contents, fonts) with Node's zlib instead of pdf-lib's
 * JavaScript deflate: the same bytes for the same input, several times faster.
 */
function useNativeDeflate(context: PDFContext): void {
  context.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
    return context.stream(zlib.deflateSync(bytes, { level: 3 }), { ...dict, Filter: 'FlateDecode' });
  };
}

type Encode = (text: string, bold: boolean) => string;

/**
 * The part of pdf-lib's subset embedder (1.17) that records which glyphs a document uses: its
 * own `encodeText` runs fontkit's full shaping per string, the slowest step of printing a grid.
 * Cyrillic and Latin need no shaping, so characters map straight to glyphs through the font's
 * cmap and are registered with the subset the same way pdf-lib does it.
 */
interface SubsetEmbedder {
  readonly font: {
    glyphForCodePoint(codePoint: number): { readonly id: number; readonly advanceWidth: number };
  };
  readonly subset: { includeGlyph(glyph: { readonly id: number }): number };
  readonly glyphs: unknown[];
  readonly glyphIdMap: Map<number, number>;
  readonly glyphCache: { invalidate(): void };
}

function subsetEmbedder(font: PDFFont): SubsetEmbedder | undefined {
  const embedder = (font as unknown as { embedder?: Partial<SubsetEmbedder> }).embedder;
  return embedder?.subset && embedder.glyphIdMap && embedder.glyphs && embedder.glyphCache && embedder.font
    ? (embedder as SubsetEmbedder)
    : undefined;
}

/** Hex glyph codes per character and per distinct text: marks, dates and names repeat on every page. */
function fontEncoder(font: PDFFont): (text: string) => string {
  const texts = new Map<string, string>();
  const embedder = subsetEmbedder(font);
  if (!embedder) {
    return (text) => {
      let hex = texts.get(text);
      if (hex === undefined) {
        hex = font.encodeText(text).toString();
        texts.set(text, hex);
      }
      return hex;
    };
  }
  const chars = new Map<number, string>();
  const code = (codePoint: number): string => {
    let hex = chars.get(codePoint);
    if (hex === undefined) {
      const glyph = embedder.font.glyphForCodePoint(codePoint);
      const subsetId = embedder.subset.includeGlyph(glyph);
      // fontkit caches glyphs across documents with the code points of whichever text met them
      // first; the document's own record keeps its text extraction independent of that history.
      embedder.glyphs[subsetId - 1] ??= {
        id: glyph.id,
        advanceWidth: glyph.advanceWidth,
        codePoints: [codePoint],
      };
      embedder.glyphIdMap.set(glyph.id, subsetId);
      embedder.glyphCache.invalidate();
      hex = subsetId.toString(16).padStart(4, '0');
      chars.set(codePoint, hex);
    }
    return hex;
  };
  return (text) => {
    let hex = texts.get(text);
    if (hex === undefined) {
      hex = '';
      for (const char of text) hex += code(char.codePointAt(0) ?? 0);
      hex = `<${hex}>`;
      texts.set(text, hex);
    }
    return hex;
  };
}

function encoder(regular: PDFFont, bold: PDFFont): Encode {
  const encoders = [fontEncoder(regular), fontEncoder(bold)] as const;
  return (text, isBold) => encoders[isBold ? 1 : 0](text);
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function pageContent(page: Page, encode: Encode): string {
  const out: string[] = [];
  const h = page.height;
  if (page.boxes.length > 0) {
    out.push('0.88 g');
    for (const box of page.boxes)
      out.push(`${num(box.x)} ${num(h - box.y - box.height)} ${num(box.width)} ${num(box.height)} re`);
    out.push('f', '0 g');
  }
  const byWidth = new Map<number, string[]>();
  for (const line of page.lines) {
    let path = byWidth.get(line.width);
    if (!path) {
      path = [];
      byWidth.set(line.width, path);
    }
    path.push(`${num(line.x1)} ${num(h - line.y1)} m ${num(line.x2)} ${num(h - line.y2)} l`);
  }
  for (const [width, path] of byWidth) out.push(`${num(width)} w`, ...path, 'S');
  out.push('BT');
  let font = '';
  for (const text of page.texts) {
    const selected = `/${text.bold ? 'F2' : 'F1'} ${num(text.size)} Tf`;
    if (selected !== font) {
      out.push(selected);
      font = selected;
    }
    out.push(`1 0 0 1 ${num(text.x)} ${num(h - text.y)} Tm ${encode(text.text, text.bold)} Tj`);
  }
  out.push('ET');
  if (page.qr) out.push(qrPlacement(page.qr, h));
  if (page.watermark) out.push(watermarkText(page.watermark, h, encode));
  return out.join('\n');
}

/** The watermark's letters outlined in grey over the page: the marks under it stay readable. */
function watermarkText(mark: PlacedWatermark, pageHeight: number, encode: Encode): string {
  const radians = (mark.angle * Math.PI) / 180;
  const [cos, sin] = [num(Math.cos(radians)), num(Math.sin(radians))];
  const matrix = `${cos} ${sin} -${sin} ${cos} ${num(mark.x)} ${num(pageHeight - mark.y)}`;
  return `q 0.6 G 1.2 w BT 1 Tr /F2 ${num(mark.size)} Tf ${matrix} Tm ${encode(mark.text, true)} Tj ET Q`;
}

function qrPlacement(qr: PlacedQr, pageHeight: number): string {
  return `q ${num(qr.size)} 0 0 ${num(qr.size)} ${num(qr.x)} ${num(pageHeight - qr.y - qr.size)} cm /Q1 Do Q`;
}

function registerQrForm(doc: PDFDocument, text: string): PDFRef {
  const { operators, modules } = qrOperators(text);
  const span = modules + 2 * QUIET_ZONE_MODULES;
  const scale = 1 / span;
  const content = `q ${scale} 0 0 ${scale} ${QUIET_ZONE_MODULES * scale} ${QUIET_ZONE_MODULES * scale} cm\n${operators}\nQ`;
  const stream = doc.context.flateStream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, 1, 1],
  });
  return doc.context.register(stream);
}
