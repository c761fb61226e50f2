import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DocumentSpec } from '../src/core/documents/layout/model';

/**
 * What exceljs's streaming writer costs by itself for a document's content: every table cell of
 * the spec written as a bare value with one shared style into one worksheet per section, as the
 * printed copy's workbook has them, and nothing else (no page setup, header rows, fields,
 * signatures, escaping or per-cell formats). No renderer built on exceljs writes the same cells in
 * less time: it is the floor under the XLSX share of printing.
 */
export async function exceljsFloor(spec: DocumentSpec): Promise<number> {
  const sink = new CountingSink();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  spec.sections.forEach((section, index) => {
    const sheet = workbook.addWorksheet(`S${index + 1}`);
    let rowNumber = 0;
    for (const block of section.blocks) {
      if (block.kind !== 'table') continue;
      for (const cells of block.rows) {
        rowNumber += 1;
        const row = sheet.getRow(rowNumber);
        for (let i = 0; i < block.columns.length; i++) {
          const cell = row.getCell(i + 1);
          cell.value = cells[i]?.value ?? null;
          cell.style = BORDERED;
        }
        row.commit();
      }
    }
    sheet.commit();
  });
  await workbook.commit();
  return sink.bytes;
}

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDERED: Partial<ExcelJS.Style> = {
  font: { name: 'Arial', size: 10 },
  border: { top: thin, left: thin, bottom: thin, right: thin },
};

class CountingSink extends Writable {
  bytes = 0;

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.bytes += chunk.length;
    done();
  }
}
