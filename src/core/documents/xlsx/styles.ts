import type ExcelJS from 'exceljs';
import type { Align, Cell } from '../layout/model';

/**
 * The few cell styles a printed document uses, each one object shared by all its cells:
 * exceljs finds a style it has seen by identity, so a grid of thousands of cells costs a lookup
 * per cell instead of a style comparison. They are never changed after creation.
 */
export type CellStyle = Partial<ExcelJS.Style>;

const FONT = 'Arial';
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const grey: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };

const known = new Map<string, CellStyle>();

function shared(key: string, make: () => CellStyle): CellStyle {
  let style = known.get(key);
  if (!style) {
    style = make();
    known.set(key, style);
  }
  return style;
}

/** Text outside tables: titles, fields, signatures. */
export function textStyle(bold: boolean, size: number, italic = false): CellStyle {
  return shared(`text|${bold}|${size}|${italic}`, () => ({
    font: { name: FONT, size, bold, italic },
  }));
}

export const headerStyle: CellStyle = {
  font: { name: FONT, size: 10, bold: true },
  border: box,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

/**
 * The styles of one table column's body cells: bordered, aligned as the column, with each cell's
 * number format, bold and shading. Looked up by a small number per cell, since a grid has
 * thousands of them.
 */
export function columnCellStyles(align: Align, wrap: boolean): (cell: Cell | undefined) => CellStyle {
  const byVariant = new Map<number, CellStyle>();
  return (cell) => {
    const decimals = cell?.decimals;
    const bold = cell?.bold === true;
    const shaded = cell?.shaded === true;
    const variant = ((decimals ?? -1) + 1) * 4 + (bold ? 2 : 0) + (shaded ? 1 : 0);
    let style = byVariant.get(variant);
    if (!style) {
      style = shared(`cell|${align}|${wrap}|${decimals ?? ''}|${bold}|${shaded}`, () => ({
        font: { name: FONT, size: 10, bold },
        border: box,
        alignment: { horizontal: align, vertical: 'middle', wrapText: wrap },
        ...(decimals === undefined ? {} : { numFmt: decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}` }),
        ...(shaded ? { fill: grey } : {}),
      }));
      byVariant.set(variant, style);
    }
    return style;
  };
}
