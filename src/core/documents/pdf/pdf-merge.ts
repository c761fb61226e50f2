import fs from 'node:fs';
import {
  PDFContext,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFObjectCopier,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/**
 * Objects a parse takes before pausing: the merge runs on the thread that records the copies (in
 * the app the one that answers the window), and a class copy has about a hundred objects.
 */
const OBJECTS_BETWEEN_PAUSES = 500;
const CATALOG = PDFRef.of(1);
const PAGES = PDFRef.of(2);
const INFO = PDFRef.of(3);
const FIRST_FREE_OBJECT = 4;

/** Appends bytes to a file and knows how far it has written (the cross-reference table needs it). */
class PdfFileWriter {
  offset = 0;

  constructor(private readonly file: number) {}

  write(bytes: Uint8Array | string): void {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    fs.writeSync(this.file, buffer);
    this.offset += buffer.length;
  }

  object(ref: PDFRef, object: PDFObject): number {
    const at = this.offset;
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    this.write(`${ref.objectNumber} 0 obj\n`);
    this.write(body);
    this.write('\nendobj\n');
    return at;
  }
}

/**
 * One PDF for the print shop: the class copies one after another, each keeping its own
 * "page n of N", id and QR code, appended to `target` as each copy is ready. Each copy's pages and
 * what they use are renumbered after those written before and written out at once, so only one
 * copy is held in memory and little is left to do after the last. Dated with the newest copy, so
 * the same copies merge to the same bytes.
 */
export class PdfMerge {
  private readonly handle: number;
  private readonly out: PdfFileWriter;
  private readonly offsets = new Map<number, number>();
  private readonly kids: PDFRef[] = [];
  private nextObject = FIRST_FREE_OBJECT;
  private closed = false;

  constructor(target: string) {
    this.handle = fs.openSync(target, 'w');
    this.out = new PdfFileWriter(this.handle);
    // A binary comment after the header tells transfer programs the file is not text.
    this.out.write('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n');
  }

  async append(pdf: Uint8Array): Promise<void> {
    const source = await PDFDocument.load(pdf, {
      updateMetadata: false,
      parseSpeed: OBJECTS_BETWEEN_PAUSES,
    });
    const copy = PDFContext.create();
    copy.largestObjectNumber = this.nextObject - 1;
    const copier = PDFObjectCopier.for(source.context, copy);
    for (const page of source.getPages()) {
      const leaf = copier.copy(page.node);
      leaf.set(PDFName.of('Parent'), PAGES);
      this.kids.push(copy.register(leaf));
    }
    const objects = copy.enumerateIndirectObjects().sort(([a], [b]) => a.objectNumber - b.objectNumber);
    for (const [ref, object] of objects) this.offsets.set(ref.objectNumber, this.out.object(ref, object));
    this.nextObject = copy.largestObjectNumber + 1;
  }

  /** Writes the catalog, the page tree, the title and date, the cross-reference table; closes the file. */
  finish(title: string, createdAt: string): void {
    const { out, offsets, kids, nextObject } = this;
    try {
      const last = PDFContext.create();
      const date = new Date(createdAt);
      const objects: [PDFRef, PDFObject][] = [
        [CATALOG, last.obj({ Type: 'Catalog', Pages: PAGES })],
        [PAGES, last.obj({ Type: 'Pages', Kids: kids, Count: kids.length })],
        [
          INFO,
          last.obj({
            Title: PDFHexString.fromText(title),
            Producer: PDFHexString.fromText('Мөөр'),
            Creator: PDFHexString.fromText('Мөөр'),
            CreationDate: PDFString.fromDate(date),
            ModDate: PDFString.fromDate(date),
          }),
        ],
      ];
      for (const [ref, object] of objects) offsets.set(ref.objectNumber, out.object(ref, object));
      const table = out.offset;
      const rows = ['xref', `0 ${nextObject}`, '0000000000 65535 f '];
      for (let number = 1; number < nextObject; number++) {
        const offset = offsets.get(number);
        rows.push(
          offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `,
        );
      }
      out.write(`${rows.join('\n')}\n`);
      out.write(`trailer\n<< /Size ${nextObject} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${table}\n%%EOF\n`);
    } finally {
      this.close();
    }
  }

  /** Closes the file unfinished (the caller removes it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.handle);
  }
}
