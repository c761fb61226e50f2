import { printedNumber } from '../words/printed-number';
import type { Cell } from './model';

/** The printed text of a cell: numbers with their decimals, as Kyrgyz and Russian print them («31 555», «4,25»). */
export function cellText(cell: Cell): string {
  const { value } = cell;
  if (value === null) return '';
  if (typeof value === 'number') return printedNumber(value, cell.decimals);
  return value;
}
