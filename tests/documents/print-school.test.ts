import fs from 'node:fs';
import os from 'node:os';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { Mirror } from '../../src/core/db/mirror';
import { printSchool, type PrintProgress } from '../../src/core/documents';
import { workbookWorkerCount } from '../../src/core/documents/class-copy/worker-pool';
import { classId, quarterId } from '../journal/small-school';
import { tempDir } from '../support/temp-dir';
import { deputy } from '../support/actors';
import { openSmallSchool } from '../support/schools';
import { pdfPagesText } from './helpers';

describe('printing a whole school', () => {
  let mirror: Mirror;
  beforeAll(() => {
    mirror = openSmallSchool();
  });
  afterAll(() => {
    mirror.close();
  });

  it('draws the PDFs here and the workbooks on worker threads, records each copy and merges one PDF', async () => {
    const outDir = tempDir();
    const progress: PrintProgress[] = [];
    const result = await printSchool(mirror, {
      periodId: quarterId(mirror, 2),
      language: 'ky',
      outDir,
      actor: deputy,
      clock: fixedClock('2026-01-05T08:00:00Z'),
      workers: 2,
      onProgress: (p) => progress.push(p),
    });
    expect(result.documents.map((d) => d.className)).toEqual(['5Б', '8А']);
    expect(progress.map((p) => p.done)).toEqual([1, 2]);
    expect(progress.every((p) => p.total === 2)).toBe(true);
    const recorded = mirror.all(
      mirror.db.selectFrom('document').selectAll().where('period_id', '=', quarterId(mirror, 2)),
    );
    expect(recorded).toHaveLength(2);
    for (const document of result.documents) {
      expect(fs.existsSync(document.pdfPath)).toBe(true);
      expect(fs.existsSync(document.xlsxPath)).toBe(true);
      expect(recorded.find((r) => r.id === document.documentId)?.sha256).toBe(document.sha256);
    }
    const merged = await PDFDocument.load(fs.readFileSync(result.mergedPdfPath));
    expect(merged.getPageCount()).toBe(result.pages);
    const mergedPages = pdfPagesText(result.mergedPdfPath);
    const first = result.documents[0];
    expect(mergedPages[0]).toContain(`1-бет, бардыгы ${first?.pages ?? 0}`);
    expect(mergedPages[first?.pages ?? 0]).toContain(`1-бет, бардыгы ${result.documents[1]?.pages ?? 0}`);

    const onThisThread = await printSchool(mirror, {
      periodId: quarterId(mirror, 2),
      language: 'ky',
      outDir: tempDir(),
      actor: deputy,
      clock: fixedClock('2026-03-01T08:00:00Z'),
      workers: 0,
    });
    expect(onThisThread.documents.map((d) => d.sha256)).toEqual(result.documents.map((d) => d.sha256));
    expect(onThisThread.documents.every((d) => d.reprint)).toBe(true);
    // The same copies merge to the same bytes.
    expect(fs.readFileSync(onThisThread.mergedPdfPath).equals(fs.readFileSync(result.mergedPdfPath))).toBe(
      true,
    );
  });

  it("writes one class's PDF on the calling thread before its workbook", async () => {
    const outDir = tempDir();
    const seen: { pdf: boolean; xlsx: boolean }[] = [];
    const result = await printSchool(mirror, {
      periodId: quarterId(mirror, 2),
      classIds: [classId(mirror, 8, 'А')],
      outDir,
      actor: deputy,
      clock: fixedClock('2026-01-06T08:00:00Z'),
      onPdf: (copy) => {
        seen.push({
          pdf: fs.existsSync(copy.pdfPath),
          xlsx: fs.existsSync(copy.pdfPath.replace(/\.pdf$/, '.xlsx')),
        });
      },
    });
    expect(seen).toEqual([{ pdf: true, xlsx: false }]);
    const [copy] = result.documents;
    expect(fs.existsSync(copy?.xlsxPath ?? '')).toBe(true);
    expect(fs.readFileSync(result.mergedPdfPath).length).toBeGreaterThan(0);
    expect(pdfPagesText(result.mergedPdfPath)).toEqual(pdfPagesText(copy?.pdfPath ?? ''));
  });

  it('starts a print worker for several classes on several cores; without one the workbooks follow the PDFs', async () => {
    expect(workbookWorkerCount(undefined, 1)).toBe(0);
    expect(workbookWorkerCount(undefined, 30)).toBe(os.availableParallelism() > 1 ? 1 : 0);
    expect(workbookWorkerCount(2, 1)).toBe(1);
    const outDir = tempDir();
    const mergedAtFirstRecord: string[][] = [];
    const result = await printSchool(mirror, {
      periodId: quarterId(mirror, 3),
      language: 'ky',
      outDir,
      actor: deputy,
      clock: fixedClock('2026-03-25T08:00:00Z'),
      workers: 0,
      onProgress: (p) => {
        if (p.done === 1)
          mergedAtFirstRecord.push(fs.readdirSync(outDir).filter((f) => f.includes('school')));
      },
    });
    // The print shop's file is in place before the first workbook is written.
    expect(mergedAtFirstRecord).toEqual([['Q3-ky-school-1.pdf']]);
    expect(result.mergedPdfPath).toMatch(/Q3-ky-school-1\.pdf$/);
    expect(result.documents.every((d) => fs.existsSync(d.xlsxPath))).toBe(true);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      printSchool(mirror, {
        periodId: quarterId(mirror, 3),
        outDir: tempDir(),
        actor: deputy,
        clock: fixedClock('2026-03-25T08:00:00Z'),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
