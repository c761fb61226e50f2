/**
 * Printing the large demo school's whole quarter 1 (about 100 classes, thousands of pages):
 * the real run (printSchool: journal read, layout, PDF and XLSX per class on worker threads,
 * documents recorded, one merged PDF) beside a naive pdf-lib baseline in the same process:
 * the same laid-out pages drawn with one drawText and one drawRectangle per cell. The baseline is
 * too slow and too hungry for the whole school, so it draws the pages of a few classes spread over
 * the grades; our single-thread PDF rendering of exactly those pages is timed beside it too, and
 * the XLSX (exceljs) of the same copies, for the spreadsheet's share of the work, beside exceljs alone
 * writing the same cells (its floor), and the whole run again with one print worker (what the
 * second core adds here).
 *
 *   npx tsx bench/print.bench.ts [--db FILE] [--baseline-classes N] [--bundled]
 *   (without --db the large school is generated first; with --bundled the print code and its
 *   workers are first built as the installed app ships them, and that build is measured)
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { fixedClock } from '../src/core/clock';
import { openMirror } from '../src/core/db/mirror';
import { buildClassCopy } from '../src/core/documents/class-copy/build-class-copy';
import { printSchool } from '../src/core/documents/class-copy/print-school';
import { fontBytes } from '../src/core/documents/fonts/font-files';
import { fontkitAdapter } from '../src/core/documents/fonts/fontkit-adapter';
import type { Page } from '../src/core/documents/layout/page';
import { paginate } from '../src/core/documents/layout/paginate';
import { renderPdf } from '../src/core/documents/pdf/render-pdf';
import { renderXlsx } from '../src/core/documents/xlsx/render-xlsx';
import { loadClassJournal } from '../src/core/journal/class-journal';
import { journalFingerprint } from '../src/core/journal/fingerprint';
import { deputy } from '../tests/support/actors';
import { tempDir } from '../tests/support/temp-dir';
import { exceljsFloor } from './exceljs-floor';
import { writeLargeSchool } from './large-school';
import { printRow } from './measure';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'baseline-classes': { type: 'string' },
    bundled: { type: 'boolean' },
  },
});
const baselineClasses = Number(values['baseline-classes'] ?? 3);
const work = tempDir('moor-print-bench-');

const source = values.db ?? writeLargeSchool(work, 'large-source.sqlite');
/** printSchool records documents: every run works on a fresh copy, never on the given mirror. */
function freshCopy(name: string): string {
  const target = path.join(work, name);
  const copy = new Database(source, { readonly: true });
  copy.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  copy.close();
  return target;
}
const dbPath = freshCopy('large.sqlite');

/** Peak resident memory and CPU time over a piece of work (worker threads share the process). */
interface Measured {
  readonly seconds: number;
  readonly peakMb: number;
  readonly cores: number;
}
async function measured<T>(work: () => Promise<T>): Promise<Measured & { result: T }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds, peakMb: peak / 2 ** 20, cores: (used.user + used.system) / 1e6 / seconds };
  } finally {
    clearInterval(sampler);
  }
}

const mirror = openMirror(dbPath);
const period = mirror.first(
  mirror.db.selectFrom('reporting_period').select('id').where('kind', '=', 'quarter').where('number', '=', 1),
);
if (!period) throw new Error('no quarter 1');
const periodId = period.id;
const clock = fixedClock('2025-11-03T08:00:00Z');

/**
 * printSchool as the installed app runs it: built by the app's own Vite configuration (bundled,
 * workers as plain JavaScript beside it; see print-bundle.config.ts) in a process of its own, so
 * that the build's memory is not counted.
 */
async function bundledPrintSchool(): Promise<typeof printSchool> {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '-c', 'bench/print-bundle.config.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const entry = path.join(root, 'dist', 'bench-print', 'print-school.js');
  const built = (await import(pathToFileURL(entry).href)) as { printSchool: typeof printSchool };
  return built.printSchool;
}
const print = values.bundled === true ? await bundledPrintSchool() : printSchool;

function printWholeSchool(on: typeof mirror, outDir: string, workers?: number) {
  return measured(() =>
    print(on, {
      periodId,
      language: 'ky',
      outDir: path.join(work, outDir),
      actor: deputy,
      clock,
      ...(workers === undefined ? {} : { workers }),
      onProgress: (p) => {
        if (p.done % 30 === 0 || p.done === p.total)
          process.stdout.write(`  printed ${p.done}/${p.total} classes\n`);
      },
    }),
  );
}
const school = await printWholeSchool(mirror, 'school');
const schoolPages = school.result.pages;
// The same run with one print worker on a fresh copy: how much the second core adds on this machine.
const oneWorkerMirror = openMirror(freshCopy('large-one-worker.sqlite'));
const oneWorker = await printWholeSchool(oneWorkerMirror, 'school-one-worker', 1);
oneWorkerMirror.close();

// The baseline's pages: copies of classes spread evenly over the school (pages of the lower grades
// hold more cells), laid out once (layout is not part of either timing below).
const { documents } = school.result;
const sample = Array.from(
  { length: Math.min(baselineClasses, documents.length) },
  (_, i) => documents[Math.floor(((i + 0.5) * documents.length) / baselineClasses)],
).filter((d) => d !== undefined);
const laidOut = sample.map((d) => {
  const journal = loadClassJournal(mirror, d.classId, period.id);
  const spec = buildClassCopy(journal, {
    id: d.documentId,
    fingerprint: journalFingerprint(journal),
    language: 'ky',
    createdAt: d.createdAt,
  });
  return { spec, pages: paginate(spec) };
});
const samplePages = laidOut.reduce((sum, d) => sum + d.pages.length, 0);
const sampleCells = laidOut.reduce((sum, d) => sum + d.pages.reduce((n, p) => n + cellsOf(p).length, 0), 0);

/**
 * Times `render` over the sample copies on this thread, after one untimed pass over the first of
 * them: every single-thread figure below is of code the JIT has seen, the baseline's included.
 */
async function sampled(render: (copy: (typeof laidOut)[number]) => Promise<unknown>) {
  const first = laidOut[0];
  if (first) await render(first);
  return measured(async () => {
    for (const copy of laidOut) await render(copy);
  });
}
const ours = await sampled(({ spec, pages }) => renderPdf(spec, pages));
// The spreadsheet of the same copies (exceljs), to show the XLSX share of a class's rendering,
// beside exceljs alone writing the same table cells: the floor under any exceljs renderer.
const oursXlsx = await sampled(({ spec }) => renderXlsx(spec));
const floorPerSection = await sampled(({ spec }) => exceljsFloor(spec));

/** The table cells of a laid-out page, recovered from its grid: the boxes between neighbouring rules. */
function cellsOf(page: Page): { x: number; y: number; width: number; height: number }[] {
  const horizontal = [...new Set(page.lines.filter((l) => l.y1 === l.y2).map((l) => l.y1))].sort(
    (a, b) => a - b,
  );
  const vertical = page.lines.filter((l) => l.x1 === l.x2 && l.y1 !== l.y2);
  const cells: { x: number; y: number; width: number; height: number }[] = [];
  for (let i = 1; i < horizontal.length; i++) {
    const top = horizontal[i - 1] ?? 0;
    const bottom = horizontal[i] ?? 0;
    const xs = [
      ...new Set(
        vertical
          .filter((l) => Math.min(l.y1, l.y2) <= top + 0.01 && Math.max(l.y1, l.y2) >= bottom - 0.01)
          .map((l) => l.x1),
      ),
    ].sort((a, b) => a - b);
    for (let j = 1; j < xs.length; j++) {
      const left = xs[j - 1] ?? 0;
      cells.push({ x: left, y: top, width: (xs[j] ?? 0) - left, height: bottom - top });
    }
  }
  return cells;
}

/** The naive way: one drawRectangle per cell and one drawText per piece of text, through pdf-lib's API. */
async function naive(pages: readonly Page[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitAdapter);
  const regular = await doc.embedFont(fontBytes('regular'), { subset: true });
  const bold = await doc.embedFont(fontBytes('bold'), { subset: true });
  const black = rgb(0, 0, 0);
  for (const page of pages) {
    const pdfPage = doc.addPage([page.width, page.height]);
    for (const cell of cellsOf(page)) {
      pdfPage.drawRectangle({
        x: cell.x,
        y: page.height - cell.y - cell.height,
        width: cell.width,
        height: cell.height,
        borderWidth: 0.4,
        borderColor: black,
      });
    }
    for (const text of page.texts) {
      const font: PDFFont = text.bold ? bold : regular;
      pdfPage.drawText(text.text, { x: text.x, y: page.height - text.y, size: text.size, font });
    }
  }
  return doc.save();
}
const baseline = await sampled(({ pages }) => naive(pages));
mirror.close();

const rate = (pages: number, seconds: number) => pages / seconds;
const schoolRate = rate(schoolPages, school.seconds);
const baselineRate = rate(samplePages, baseline.seconds);
const oursRate = rate(samplePages, ours.seconds);
console.log('');
console.log(
  `Quarter 1 of the school: ${school.result.documents.length} classes, ${schoolPages} pages (${os.availableParallelism()} cores)`,
);
console.log(
  values.bundled === true
    ? 'printSchool and its workers built as the app ships them'
    : 'printSchool and its workers run from TypeScript sources (tsx), as the command line runs them',
);
printRow(['run', 'pages', 'seconds', 'pages/s', 'peak RSS MB', 'cores busy']);
/** One row of the table: a measured run over `pages` pages. */
function printMeasured(label: string, pages: number, run: Measured) {
  const pagesPerSecond = rate(pages, run.seconds);
  printRow([
    label,
    pages,
    run.seconds.toFixed(run.seconds < 1 ? 2 : 1),
    pagesPerSecond.toFixed(pagesPerSecond < 100 ? 1 : 0),
    run.peakMb.toFixed(0),
    run.cores.toFixed(2),
  ]);
}
printMeasured('printSchool (PDF+XLSX)', schoolPages, school);
printMeasured('printSchool, 1 worker', oneWorker.result.pages, oneWorker);
printMeasured('ours, PDF, 1 thread', samplePages, ours);
printMeasured('ours, XLSX, 1 thread', samplePages, oursXlsx);
printMeasured('exceljs alone, XLSX', samplePages, floorPerSection);
printMeasured('naive pdf-lib', samplePages, baseline);
console.log(`(the baseline drew ${sampleCells} cells, ${Math.round(sampleCells / samplePages)} per page)`);
console.log('');
console.log(
  `whole-school run vs naive baseline: ${(schoolRate / baselineRate).toFixed(1)}x pages/s (target >= 20x)`,
);
console.log(`same pages, PDF only, one thread:   ${(oursRate / baselineRate).toFixed(1)}x pages/s`);
console.log(
  `XLSX share of rendering a copy (same pages, one thread): ${((100 * oursXlsx.seconds) / (oursXlsx.seconds + ours.seconds)).toFixed(0)}%`,
);
console.log(
  `two print workers vs one on this machine: ${(oneWorker.seconds / school.seconds).toFixed(2)}x the pages/s`,
);
const msPerPage = (seconds: number) => ((1000 * seconds) / samplePages).toFixed(2);
console.log(
  `XLSX a page, one thread: ours ${msPerPage(oursXlsx.seconds)} ms; exceljs alone writing the same cells ` +
    `in the same worksheets ${msPerPage(floorPerSection.seconds)} ms`,
);
console.log(
  `20x the baseline leaves ${(1000 / (20 * baselineRate)).toFixed(2)} ms a page for the whole run; ` +
    `it took ${((1000 * school.seconds) / schoolPages).toFixed(2)} ms`,
);
console.log(`peak memory of the whole-school run: ${school.peakMb.toFixed(0)} MB (target <= 500 MB)`);
