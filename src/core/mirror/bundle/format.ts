import type { BundleTable } from './columns';

export const BUNDLE_FORMAT = 'moor-bundle';
export const BUNDLE_VERSION = 1;

/** One table of a bundle: its column names, and one array of values per row in that order. */
export interface BundleTableData {
  columns: string[];
  rows: unknown[][];
}

/**
 * Мөөр's own JSON bundle (docs/bundle.md). Without `scope` it is the whole mirror; with a scope
 * it carries the school's reference data whole and the journal entries dated inside the scope.
 */
export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  exportedAt: string;
  scope: { from: string; to: string } | null;
  tables: Record<BundleTable, BundleTableData>;
}
