import { z } from 'zod';
import { MoorError } from '../../errors';
import type { Row } from '../batch';
import { bundleTableOrder, bundleTables, rowKey, type BundleTable, type ColumnType } from './columns';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './format';

export interface ValidBundle {
  exportedAt: string;
  scope: { from: string; to: string } | null;
  tables: Record<BundleTable, Row[]>;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const envelope = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  scope: z.object({ from: isoDate, to: isoDate }).nullable(),
  tables: z.record(z.string(), z.object({ columns: z.array(z.string()), rows: z.array(z.unknown()) })),
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function cellProblem(type: ColumnType, value: unknown): string | undefined {
  if (typeof type === 'object') {
    if (value === null && type.nullable === true) return undefined;
    return typeof value === 'string' && type.enum.includes(value)
      ? undefined
      : `one of ${type.enum.join(', ')}${type.nullable === true ? ' or null' : ''}`;
  }
  const nullable = type.endsWith('?');
  if (value === null) return nullable ? undefined : 'a value (not null)';
  switch (type) {
    case 'int':
    case 'int?':
      return Number.isInteger(value) ? undefined : 'a whole number';
    case 'bool':
      return value === 0 || value === 1 ? undefined : '0 or 1';
    case 'real':
    case 'real?':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'text':
    case 'text?':
      return typeof value === 'string' ? undefined : 'text';
    case 'date':
    case 'date?':
      return typeof value === 'string' && DATE.test(value) ? undefined : 'a date YYYY-MM-DD';
  }
}

function describe(value: unknown): string {
  const shown = JSON.stringify(value);
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

/**
 * Checks a parsed bundle completely before anything is written: envelope, every table's columns,
 * every cell's type, duplicate keys. Errors name the file, table, row and column.
 */
export function validateBundle(data: unknown, file: string): ValidBundle {
  const parsed = envelope.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new MoorError(
      'BUNDLE_INVALID',
      `${file} is not a Мөөр bundle: at "${where || '(top)'}" ${issue?.message ?? 'unexpected shape'}.`,
      { file, field: where },
    );
  }
  const bundle = parsed.data;
  if (bundle.version !== BUNDLE_VERSION) {
    throw new MoorError(
      'BUNDLE_VERSION',
      `${file} is a bundle of version ${bundle.version}; this Мөөр reads version ${BUNDLE_VERSION}.` +
        (bundle.version > BUNDLE_VERSION ? ' Update Мөөр to read it.' : ''),
      { file, version: bundle.version },
    );
  }
  const unknownTable = Object.keys(bundle.tables).find((t) => !(t in bundleTables));
  if (unknownTable !== undefined) {
    throw new MoorError('BUNDLE_INVALID', `${file}: unknown table "${unknownTable}" in "tables".`, { file });
  }
  const tables = {} as Record<BundleTable, Row[]>;
  for (const table of bundleTableOrder) {
    const data = bundle.tables[table];
    if (data === undefined) {
      throw new MoorError('BUNDLE_INVALID', `${file}: table "${table}" is missing from "tables".`, {
        file,
        table,
      });
    }
    tables[table] = validateTable(file, table, data.columns, data.rows);
  }
  return { exportedAt: bundle.exportedAt, scope: bundle.scope, tables };
}

function validateTable(file: string, table: BundleTable, columns: string[], rows: unknown[]): Row[] {
  const spec = bundleTables[table];
  const expected = spec.map((c) => c.name);
  if (columns.length !== expected.length || columns.some((c, i) => c !== expected[i])) {
    throw new MoorError(
      'BUNDLE_INVALID',
      `${file}, table ${table}: columns are [${columns.join(', ')}]; expected [${expected.join(', ')}].`,
      { file, table },
    );
  }
  const out: Row[] = new Array<Row>(rows.length);
  const keys = new Set<string | number>();
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    if (!Array.isArray(values) || values.length !== spec.length) {
      throw new MoorError(
        'BUNDLE_INVALID',
        `${file}, table ${table}, row ${r + 1}: expected an array of ${spec.length} values.`,
        { file, table, row: r + 1 },
      );
    }
    const row: Row = {};
    for (let c = 0; c < spec.length; c++) {
      const column = spec[c] as (typeof spec)[number];
      const value: unknown = values[c];
      const problem = cellProblem(column.type, value);
      if (problem !== undefined) {
        throw new MoorError(
          'BUNDLE_INVALID',
          `${file}, table ${table}, row ${r + 1}, column ${column.name}: expected ${problem}, found ${describe(value)}.`,
          { file, table, row: r + 1, column: column.name },
        );
      }
      row[column.name] = value as Row[string];
    }
    const key = rowKey(table, row);
    if (keys.has(key)) {
      throw new MoorError(
        'BUNDLE_INVALID',
        `${file}, table ${table}, row ${r + 1}: key ${key} appears twice.`,
        {
          file,
          table,
          row: r + 1,
        },
      );
    }
    keys.add(key);
    out[r] = row;
  }
  return out;
}
