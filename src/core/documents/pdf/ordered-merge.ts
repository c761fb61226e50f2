import { PdfMerge } from './pdf-merge';

/**
 * The merged PDF of copies that may be ready out of order (a reprint is known to be final only
 * once its workbook matches the record): each copy is appended as soon as every copy before it
 * is, one append at a time. The file is dated with the newest copy.
 */
export class OrderedMerge {
  private readonly merge: PdfMerge;
  private readonly ready = new Map<number, Uint8Array>();
  private next = 0;
  private newest = '';
  private appending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(target: string) {
    this.merge = new PdfMerge(target);
  }

  /** The copy at `index` (counting from 0) is final. */
  add(index: number, pdf: Uint8Array, createdAt: string): void {
    this.ready.set(index, pdf);
    if (createdAt > this.newest) this.newest = createdAt;
    this.appending = this.appending
      .then(() => this.appendReady())
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
  }

  /** Once every copy was added: the last appends, then the file's closing parts. */
  async finish(title: string): Promise<void> {
    await this.appending;
    if (this.failure) throw this.failure.error;
    this.merge.finish(title, this.newest);
  }

  close(): void {
    this.merge.close();
  }

  private async appendReady(): Promise<void> {
    if (this.failure) return;
    for (let pdf = this.ready.get(this.next); pdf !== undefined; pdf = this.ready.get(this.next)) {
      this.ready.delete(this.next);
      this.next += 1;
      await this.merge.append(pdf);
    }
  }
}
