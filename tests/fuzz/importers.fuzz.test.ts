import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { bundleTables, type BundleTable } from '../../src/core/mirror/bundle/columns';
import { syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { syncWorkbookFile } from '../../src/core/mirror/sync-workbook';
import { context, emptyMirror } from '../mirror/helpers';
import { tempDir } from '../support/temp-dir';
import { writeJournalWorkbook } from '../mirror/journal-workbook';
import { bundleOf } from '../mirror/tiny-bundle';
import { FUZZ_TIMEOUT_MS, garbage, newTally, progress, report, RUNS, tryInput } from './fuzz-tally';

const school = bundleOf({
  students: 3,
  lessons: [
    { day: 2, marks: ['5', '4', null] },
    { day: 3, marks: ['3', '2', '5'] },
    { day: 9, marks: [null, '4', '4'] },
  ],
});

/** One mutation of a bundle: a cell replaced, a row dropped or repeated, or the text cut short. */
const bundleMutation = fc.oneof(
  fc.record({
    kind: fc.constant('cell' as const),
    table: fc.nat(),
    row: fc.nat(),
    column: fc.nat(),
    value: garbage,
  }),
  fc.record({ kind: fc.constant('drop' as const), table: fc.nat(), row: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), table: fc.nat(), row: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

type Mutation = typeof bundleMutation extends fc.Arbitrary<infer T> ? T : never;

function mutatedBundle(mutations: Mutation[]): string {
  const bundle = structuredClone(school);
  const filled = (Object.keys(bundleTables) as BundleTable[]).filter((t) => bundle.tables[t].rows.length > 0);
  let text: string | undefined;
  for (const m of mutations) {
    if (m.kind === 'cut') {
      const whole = JSON.stringify(bundle);
      text = whole.slice(0, m.at % whole.length);
      continue;
    }
    const rows = bundle.tables[filled[m.table % filled.length] as BundleTable].rows;
    if (rows.length === 0) continue;
    const r = m.row % rows.length;
    if (m.kind === 'cell') {
      const cells = rows[r] as unknown[];
      cells[m.column % cells.length] = m.value;
    } else if (m.kind === 'drop') rows.splice(r, 1);
    else rows.push(structuredClone(rows[r] as unknown[]));
  }
  return text ?? JSON.stringify(bundle);
}

describe('fuzzing the importers', () => {
  it(
    `bundle: ${RUNS} mutated bundles into a new mirror and one with data`,
    async () => {
      const dir = tempDir();
      const empty = path.join(dir, 'empty.db');
      emptyMirror(dir, 'empty.db').close();
      const filled = path.join(dir, 'filled.db');
      const file = path.join(dir, 'school.json');
      fs.writeFileSync(file, JSON.stringify(school));
      const seed = emptyMirror(dir, 'filled.db');
      syncBundleFile(seed, file, context());
      seed.close();
      const tally = newTally();
      await fc.assert(
        fc.asyncProperty(
          fc.array(bundleMutation, { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          async (m, intoNew) => {
            fs.writeFileSync(file, mutatedBundle(m));
            await tryInput(intoNew ? empty : filled, dir, tally, (mirror) =>
              Promise.resolve(syncBundleFile(mirror, file, context('2025-11-21T09:00:00Z'))),
            );
            progress('bundle', tally);
          },
        ),
        { numRuns: RUNS },
      );
      report('bundle', tally);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `workbook: ${RUNS} class journals with mutated cells`,
    async () => {
      const dir = tempDir();
      const template = path.join(dir, 'filled.db');
      const bundle = path.join(dir, 'school.json');
      fs.writeFileSync(bundle, JSON.stringify(school));
      const seed = emptyMirror(dir, 'filled.db');
      syncBundleFile(seed, bundle, context());
      const pristine = path.join(dir, 'pristine.xlsx');
      await writeJournalWorkbook(seed, pristine, 1, 1);
      seed.close();
      const base = new ExcelJS.Workbook();
      await base.xlsx.readFile(pristine);
      const sheet = base.worksheets[0] as ExcelJS.Worksheet;
      const original = new Map<string, ExcelJS.CellValue>();
      sheet.eachRow((row) => {
        row.eachCell({ includeEmpty: true }, (cell) => original.set(cell.address, cell.value));
      });
      const cellValue = fc.oneof(
        garbage.map((v) => (typeof v === 'string' || typeof v === 'number' ? v : String(v))),
        fc.constantFrom<ExcelJS.CellValue>(
          true,
          new Date('2025-09-02T00:00:00Z'),
          { error: '#N/A' } as ExcelJS.CellErrorValue,
          { formula: 'C4*2' } as ExcelJS.CellFormulaValue,
          '5·Н',
          'Н/А',
          'осв',
          null,
        ),
      );
      const edit = fc.record({
        row: fc.integer({ min: 1, max: 8 }),
        column: fc.integer({ min: 1, max: 8 }),
        value: cellValue,
      });
      const file = path.join(dir, '8А-1.xlsx');
      const tally = newTally();
      await fc.assert(
        fc.asyncProperty(
          fc.array(edit, { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          async (edits, skipUnreadable) => {
            for (const [address, value] of original) sheet.getCell(address).value = value;
            for (const e of edits) sheet.getCell(e.row, e.column).value = e.value;
            await base.xlsx.writeFile(file);
            await tryInput(template, dir, tally, (mirror) =>
              syncWorkbookFile(mirror, file, { skipUnreadable }, context('2025-11-21T09:00:00Z')),
            );
            progress('workbook', tally);
          },
        ),
        { numRuns: RUNS },
      );
      report('workbook', tally);
    },
    FUZZ_TIMEOUT_MS,
  );
});
