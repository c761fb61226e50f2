import type { Column } from './model';

export interface PlacedColumn {
  readonly column: Column;
  readonly index: number;
  readonly x: number;
  readonly width: number;
}

type Indexed = { readonly column: Column; readonly index: number };

/**
 * Splits columns into page-wide chunks, repeating the key columns (number, name) on each.
 * As few chunks as fit, made about equally wide (no last page holding one subject), and a group
 * (a subject's quarters and year mark) is kept on one page unless that would take more pages;
 * with `keepGroups`, it is kept on one page always.
 */
export function columnChunks(
  columns: readonly Column[],
  available: number,
  keepGroups = false,
): PlacedColumn[][] {
  const indexed = columns.map((column, index) => ({ column, index }));
  if (widthOf(indexed) <= available) return [placeColumns(indexed, available)];
  const repeated = indexed.filter((c) => c.column.repeat === true);
  const room = available - widthOf(repeated);
  const free = indexed.filter((c) => c.column.repeat !== true);
  const single = free.map((c) => [c]);
  const grouped = groupUnits(free);
  const units =
    keepGroups ||
    (grouped.every((unit) => widthOf(unit) <= room) &&
      fill(grouped, room).length <= fill(single, room).length)
      ? grouped
      : single;
  return balanced(units, room).map((chunk) => placeColumns([...repeated, ...chunk], available));
}

function widthOf(columns: readonly Indexed[]): number {
  return columns.reduce((sum, c) => sum + c.column.width, 0);
}

/** Consecutive columns under the same group header form one unit; ungrouped columns stand alone. */
function groupUnits(columns: readonly Indexed[]): Indexed[][] {
  const units: Indexed[][] = [];
  for (const column of columns) {
    const last = units.at(-1);
    const group = column.column.group;
    if (last !== undefined && group !== undefined && last[0]?.column.group === group) last.push(column);
    else units.push([column]);
  }
  return units;
}

/** Fills chunks left to right up to `limit` wide (a unit wider than the limit gets a chunk of its own). */
function fill(units: readonly Indexed[][], limit: number): Indexed[][] {
  const chunks: Indexed[][] = [];
  let chunk: Indexed[] = [];
  let width = 0;
  for (const unit of units) {
    const unitWidth = widthOf(unit);
    if (chunk.length > 0 && width + unitWidth > limit) {
      chunks.push(chunk);
      chunk = [];
      width = 0;
    }
    chunk.push(...unit);
    width += unitWidth;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The narrowest limit that still needs no more chunks than filling the whole room does. */
function balanced(units: readonly Indexed[][], room: number): Indexed[][] {
  const count = fill(units, room).length;
  let low = Math.max(...units.map(widthOf));
  let high = room;
  for (let step = 0; step < 24 && high - low > 0.5; step++) {
    const middle = (low + high) / 2;
    if (fill(units, middle).length <= count) high = middle;
    else low = middle;
  }
  return fill(units, high);
}

function placeColumns(columns: readonly Indexed[], available: number): PlacedColumn[] {
  const fixed = widthOf(columns);
  const weights = columns.reduce((sum, c) => sum + (c.column.grow ?? 0), 0);
  const spare = Math.max(0, available - fixed);
  let x = 0;
  return columns.map(({ column, index }) => {
    const width = column.width + (weights > 0 ? (spare * (column.grow ?? 0)) / weights : 0);
    const placed = { column, index, x, width };
    x += width;
    return placed;
  });
}
