import type { Orientation } from './model';

const POINTS_PER_MM = 72 / 25.4;

/** The strip a copy is stitched through: nothing printed may fall into it (25 mm). */
export const BINDING_MM = 25;
/** Every other edge keeps at least this much paper (10 mm). */
export const EDGE_MM = 10;
/** The smallest type printed anywhere: smaller is not read reliably on a stitched, photocopied page. */
export const MIN_TYPE_SIZE = 6.5;

export interface Margins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const binding = Math.ceil(BINDING_MM * POINTS_PER_MM);
const edge = Math.ceil(EDGE_MM * POINTS_PER_MM);

/**
 * A copy is stitched on the left of its portrait pages. A landscape page (a marks grid, the
 * finals, the summary sheet) is turned into the copy with its top edge at the spine, so its
 * binding strip is at the top.
 */
export function pageMargins(orientation: Orientation): Margins {
  return orientation === 'portrait'
    ? { left: binding, right: edge, top: edge, bottom: edge }
    : { left: edge, right: edge, top: binding, bottom: edge };
}

/** The same margins in inches, as a spreadsheet's page setup takes them. */
export function pageMarginsInches(orientation: Orientation): Margins {
  const m = pageMargins(orientation);
  const inches = (points: number) => Math.ceil((points / 72) * 100) / 100;
  return { left: inches(m.left), right: inches(m.right), top: inches(m.top), bottom: inches(m.bottom) };
}
