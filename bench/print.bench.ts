/**
 * Printing the large demo school's whole quarter 1 (about 100 classes, thousands of pages) beside a
 * naive pdf-lib baseline measured in the same process:
 *
 *  - one class copy of about 43 pages, as the window or `moor print --class` prints it (printSchool
 *    on the calling thread, warm): until its PDF is written, and until its workbook and record;
 *  - the whole school (printSchool: journal read, layout, PDFs drawn here and merged as they are
 *    written, workbooks on a print worker meanwhile, documents recorded) as it runs by default (one
 *    print worker), with none (the workbooks after the PDFs) and with two, alternated round by
 *    round on fresh copies of the mirror: until the print shop's PDFs are written, until everything
 *    is, CPU and peak memory;
 *  - the naive baseline: the same laid-out pages of a few classes spread over the grades drawn with
 *    one drawText and one drawRectangle per cell (the whole school would take too long and too much
 *    memory), our PDF renderer on exactly those pages, our XLSX of the same copies and exceljs alone
 *    writing the same cells (the floor under any exceljs renderer), alternated round by round after
 *    one untimed warm-up pass each.
 *
 * Each row prints min and median over the rounds; ratios are of medians.
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
import { openMirror, type Mirror } from '../src/core/db/mirror';
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
import { median, minAndMedian, printRow, wholeProcess } from './measure';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'baseline-classes': { type: 'string' },
    bundled: { type: 'boolean' },
  },
});
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONE_CLASS_RUNS = 5;
const baselineClasses = Number(values['baseline-classes'] ?? 3);
const work = tempDir('moor-print-bench-');

const source = values.db ?? writeLargeSchool(work, 'large-source.sqlite');
let copies = 0;
/** printSchool records documents: every run works on a fresh copy, never on the given mirror. */
function freshCopy(): Mirror {
  copies += 1;
  const target = path.join(work, `large-${copies}.sqlite`);
  const copy = new Database(source, { readonly: true });
  copy.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  copy.close();
  return openMirror(target);
}

/** Wall seconds, CPU seconds (all threads) and peak resident memory over a piece of work. */
interface Measured {
  readonly seconds: number;
  readonly cpu: number;
  readonly peakMb: number;
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
    return { result, seconds, cpu: (used.user + used.system) / 1e6, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

const clock = fixedClock('2025-11-03T08:00:00Z');
function quarterOne(mirror: Mirror): number {
  const period = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .select('id')
      .where('kind', '=', 'quarter')
      .where('number', '=', 1),
  );
  if (!period) throw new Error('no quarter 1');
  return period.id;
}

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

/** The whole school once on a fresh copy; `pdfsAt`: seconds until the last class's PDF was written. */
async function wholeSchool(workers: number | undefined) {
  const mirror = freshCopy();
  let pdfsAt = 0;
  const started = performance.now();
  try {
    const run = await measured(() =>
      print(mirror, {
        periodId: quarterOne(mirror),
        language: 'ky',
        outDir: path.join(work, `school-${copies}`),
        actor: deputy,
        clock,
        ...(workers === undefined ? {} : { workers }),
        onPdf: () => {
          pdfsAt = (performance.now() - started) / 1000;
        },
      }),
    );
    return { ...run, pdfsAt };
  } finally {
    mirror.close();
  }
}

// One class (6А's copy has about 43 pages), printed again and again on one mirror (a reprint of
// unchanged data draws both files again, as a first print does), after one untimed print. It runs
// first: its prints also warm the code every whole-school round below uses.
const oneMirror = freshCopy();
const oneClass = oneMirror.first(
  oneMirror.db
    .selectFrom('class')
    .select(['id as classId', 'grade', 'letter'])
    .where('grade', '=', 6)
    .where('letter', '=', 'А'),
);
if (!oneClass) throw new Error('the school has no 6А');
let oneClassPages = 0;
const oneClassRuns: { pdf: number; all: number; pdfCpu: number; allCpu: number }[] = [];
for (let run = 0; run <= ONE_CLASS_RUNS; run++) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const cpuSince = () => {
    const used = process.cpuUsage(cpuBefore);
    return (used.user + used.system) / 1e6;
  };
  let pdf = 0;
  let pdfCpu = 0;
  const one = await print(oneMirror, {
    periodId: quarterOne(oneMirror),
    classIds: [oneClass.classId],
    language: 'ky',
    outDir: path.join(work, `one-class-${run}`),
    actor: deputy,
    clock,
    onPdf: () => {
      pdf = (performance.now() - started) / 1000;
      pdfCpu = cpuSince();
    },
  });
  oneClassPages = one.pages;
  if (run > 0)
    oneClassRuns.push({ pdf, pdfCpu, all: (performance.now() - started) / 1000, allCpu: cpuSince() });
}
oneMirror.close();

const configurations = [
  { label: 'default (1 worker)', workers: undefined },
  { label: 'no worker', workers: 0 },
  { label: '2 workers', workers: 2 },
] as const;
const school = configurations.map(() => [] as Awaited<ReturnType<typeof wholeSchool>>[]);
for (let round = 0; round < ROUNDS; round++) {
  // Alternating order: each configuration runs first in some round.
  for (let k = 0; k < configurations.length; k++) {
    const index = (k + round) % configurations.length;
    const configuration = configurations[index];
    if (!configuration) continue;
    const run = await wholeSchool(configuration.workers);
    school[index]?.push(run);
    process.stdout.write(`  round ${round + 1}: ${configuration.label} ${run.seconds.toFixed(1)} s\n`);
  }
}
const defaultRuns = school[0] ?? [];
const printed = defaultRuns[0]?.result;
if (!printed) throw new Error('no whole-school run');
const schoolPages = printed.pages;
const { documents } = printed;

// The baseline's pages: copies of classes spread evenly over the school (pages of the lower grades
// hold more cells), laid out once (layout is not part of either timing below).
const sampleMirror = openMirror(source, { readonly: true });
const sample = Array.from(
  { length: Math.min(baselineClasses, documents.length) },
  (_, i) => documents[Math.floor(((i + 0.5) * documents.length) / baselineClasses)],
).filter((d) => d !== undefined);
const laidOut = sample.map((d) => {
  const journal = loadClassJournal(sampleMirror, d.classId, quarterOne(sampleMirror));
  const spec = buildClassCopy(journal, {
    id: d.documentId,
    fingerprint: journalFingerprint(journal),
    language: 'ky',
    createdAt: d.createdAt,
  });
  return { spec, pages: paginate(spec) };
});
sampleMirror.close();
const samplePages = laidOut.reduce((sum, d) => sum + d.pages.length, 0);
const sampleCells = laidOut.reduce((sum, d) => sum + d.pages.reduce((n, p) => n + cellsOf(p).length, 0), 0);

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

const renderers = [
  { label: 'naive pdf-lib', render: ({ pages }: (typeof laidOut)[number]) => naive(pages) },
  {
    label: 'ours, PDF, 1 thread',
    render: ({ spec, pages }: (typeof laidOut)[number]) => renderPdf(spec, pages),
  },
  { label: 'ours, XLSX, 1 thread', render: ({ spec }: (typeof laidOut)[number]) => renderXlsx(spec) },
  { label: 'exceljs alone, XLSX', render: ({ spec }: (typeof laidOut)[number]) => exceljsFloor(spec) },
] as const;
// Every single-thread figure is of code the JIT has seen: one untimed pass over the first copy each.
const firstCopy = laidOut[0];
if (firstCopy) for (const { render } of renderers) await render(firstCopy);
const sampled = renderers.map(() => [] as Measured[]);
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < renderers.length; k++) {
    const index = (k + round) % renderers.length;
    const renderer = renderers[index];
    if (!renderer) continue;
    sampled[index]?.push(
      await measured(async () => {
        for (const copy of laidOut) await renderer.render(copy);
      }),
    );
  }
}

const seconds = (runs: readonly { seconds: number }[]) => runs.map((r) => r.seconds);
const med = (runs: readonly { seconds: number }[]) => median(seconds(runs));
console.log('');
console.log(
  `Quarter 1 of the school: ${documents.length} classes, ${schoolPages} pages (${os.availableParallelism()} cores), ${ROUNDS} rounds`,
);
console.log(
  values.bundled === true
    ? 'printSchool and its workers built as the app ships them'
    : 'printSchool and its workers run from TypeScript sources (tsx), as the command line runs them',
);
printRow(['run', 'pages', 's min / median', 'pages/s (median)', 'CPU s (median)', 'peak RSS MB']);
function printMeasured(label: string, pages: number, runs: readonly Measured[]) {
  const pagesPerSecond = pages / med(runs);
  printRow([
    label,
    pages,
    minAndMedian(seconds(runs)),
    pagesPerSecond.toFixed(pagesPerSecond < 100 ? 1 : 0),
    median(runs.map((r) => r.cpu)).toFixed(1),
    Math.max(...runs.map((r) => r.peakMb)).toFixed(0),
  ]);
}
configurations.forEach((configuration, i) => {
  const runs = school[i] ?? [];
  printMeasured(`school, ${configuration.label}`, schoolPages, runs);
  printRow([
    `  its PDFs written`,
    schoolPages,
    minAndMedian(runs.map((r) => r.pdfsAt)),
    (schoolPages / median(runs.map((r) => r.pdfsAt))).toFixed(0),
    '',
    '',
  ]);
});
renderers.forEach((renderer, i) => {
  printMeasured(renderer.label, samplePages, sampled[i] ?? []);
});
console.log(`(the baseline drew ${sampleCells} cells, ${Math.round(sampleCells / samplePages)} per page)`);
console.log('');
console.log(
  `one class (6А, ${oneClassPages} pages) on the calling thread, ${ONE_CLASS_RUNS} runs, min / median: ` +
    `PDF written ${minAndMedian(oneClassRuns.map((r) => r.pdf))} s (CPU ${minAndMedian(oneClassRuns.map((r) => r.pdfCpu))} s), ` +
    `with its workbook and record ${minAndMedian(oneClassRuns.map((r) => r.all))} s (CPU ${minAndMedian(oneClassRuns.map((r) => r.allCpu))} s) (target: PDF <= 0.3 s)`,
);
const baselineRate = samplePages / med(sampled[0] ?? []);
const pdfsRate = schoolPages / median(defaultRuns.map((r) => r.pdfsAt));
console.log(
  `whole school's PDFs vs naive baseline: ${(pdfsRate / baselineRate).toFixed(1)}x pages/s (target >= 20x); ` +
    `with the workbooks and records: ${(schoolPages / med(defaultRuns) / baselineRate).toFixed(1)}x`,
);
console.log(
  `same pages, PDF only, one thread: ${(samplePages / med(sampled[1] ?? []) / baselineRate).toFixed(1)}x pages/s`,
);
console.log(
  `XLSX, one thread: ours / exceljs alone writing the same cells: ${(med(sampled[2] ?? []) / med(sampled[3] ?? [])).toFixed(2)}x the time (target <= 1.3x)`,
);
configurations.slice(1).forEach((configuration, i) => {
  console.log(
    `whole school, ${configuration.label} / default: ${(med(school[i + 1] ?? []) / med(defaultRuns)).toFixed(2)}x the time`,
  );
});
// The process's first run, before others left their heaps behind.
console.log(
  `peak memory of the whole-school run (default, the first): ${(defaultRuns[0]?.peakMb ?? 0).toFixed(0)} MB (target <= 450 MB)`,
);
console.log(wholeProcess());
