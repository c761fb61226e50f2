import path from 'node:path';
import type { Mirror } from '../db/mirror';
import { bundleSource } from './bundle/bundle-source';
import { collectBundle, writeBundleFile, type ExportRange } from './bundle/export';
import { readBundleFile } from './bundle/read';
import { runSync, type SyncContext, type SyncResult } from './run-sync';

/** Reads, validates and imports a bundle file in one transaction. */
export function syncBundleFile(mirror: Mirror, file: string, context: SyncContext): SyncResult {
  const bundle = readBundleFile(file);
  return runSync(mirror, bundleSource(bundle, path.basename(file)), context);
}

/** Writes the mirror (or, with a range, the entries dated inside it) to a bundle file. */
export function exportBundleFile(
  mirror: Mirror,
  file: string,
  at: Date,
  range?: ExportRange,
): { rows: number; file: string } {
  const bundle = collectBundle(mirror, at, range);
  writeBundleFile(bundle, file);
  const rows = Object.values(bundle.tables).reduce((sum, t) => sum + t.rows.length, 0);
  return { rows, file };
}
