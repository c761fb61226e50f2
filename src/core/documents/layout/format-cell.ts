import type { Cell } from './model';

/** The printed text of a cell: numbers with their decimals and a decimal comma, as Kyrgyz and Russian write them. */
export function cellText(cell: Cell): string {
  const { value } = cell;
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = cell.decimals === undefined ? String(value) : value.toFixed(cell.decimals);
    return text.replace('.', ',');
  }
  return value;
}
