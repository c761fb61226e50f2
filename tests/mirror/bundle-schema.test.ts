import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/core/db/mirror';
import { exportBundleFile, syncBundleFile } from '../../src/core/mirror/sync-bundle';
import { tempDir } from '../support/temp-dir';
import { openSmallSchool } from '../support/schools';
import { context } from './helpers';

/**
 * The published schema (docs/bundle.schema.json) checked by an independent JSON Schema validator
 * against files the exporter really writes: a reader in another program can trust it.
 */
function publishedValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  // The one format the schema uses; ajv leaves formats to plug-ins, so it is stated here.
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
  });
  const schema = JSON.parse(fs.readFileSync(path.join('docs', 'bundle.schema.json'), 'utf8')) as object;
  return ajv.compile(schema);
}

let dir: string;
let source: Mirror;
const validate = publishedValidator();

beforeAll(() => {
  dir = tempDir();
  source = openSmallSchool(path.join(dir, 'source.db'));
  // A change seen by a sync, so sync_run and mirror_change carry rows in the export too.
  const first = path.join(dir, 'first.json');
  exportBundleFile(source, first, new Date('2025-11-20T08:00:00Z'));
  const copy = openSmallSchool(path.join(dir, 'copy.db'));
  syncBundleFile(copy, first, context());
  source.sqlite.prepare("UPDATE mark SET value = '2', numeric_value = 2 WHERE id = 1").run();
  exportBundleFile(source, path.join(dir, 'second.json'), new Date('2025-11-21T08:00:00Z'));
  syncBundleFile(copy, path.join(dir, 'second.json'), context('2025-11-21T09:00:00Z'));
  source.close();
  source = copy;
});
afterAll(() => {
  source.close();
});

function exported(name: string, range?: { from: string; to: string }): unknown {
  const file = path.join(dir, name);
  exportBundleFile(source, file, new Date('2025-11-22T08:00:00Z'), range);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function errorsOf(bundle: unknown): string {
  return validate(bundle) ? '' : JSON.stringify(validate.errors);
}

describe('the published bundle schema', () => {
  it('accepts a whole-school export, with its sync log and change history', () => {
    const bundle = exported('whole.json') as { tables: Record<string, { rows: unknown[] }> };
    expect(errorsOf(bundle)).toBe('');
    for (const table of ['mark', 'attendance', 'period_final', 'sync_run', 'mirror_change']) {
      expect(bundle.tables[table]?.rows.length, table).toBeGreaterThan(0);
    }
  });

  it('accepts a one-week export', () => {
    const bundle = exported('week.json', { from: '2025-10-06', to: '2025-10-12' });
    expect(errorsOf(bundle)).toBe('');
  });

  it('refuses what the importer refuses: a wrong value, a missing cell, an extra column, no scope', () => {
    const base = exported('base.json') as {
      scope: unknown;
      tables: { mark: { columns: string[]; rows: unknown[][] } };
    };
    const markType = base.tables.mark.columns.indexOf('mark_type');
    const breakages: [string, (b: typeof base) => void][] = [
      ['mark type', (b) => ((b.tables.mark.rows[0] as unknown[])[markType] = 'oral')],
      ['short row', (b) => (b.tables.mark.rows[0] as unknown[]).pop()],
      ['long row', (b) => (b.tables.mark.rows[0] as unknown[]).push(1)],
      ['extra column', (b) => b.tables.mark.columns.push('comment')],
      ['no scope', (b) => delete (b as { scope?: unknown }).scope],
    ];
    for (const [name, breakIt] of breakages) {
      const broken = structuredClone(base);
      breakIt(broken);
      expect(validate(broken), name).toBe(false);
    }
  });
});
