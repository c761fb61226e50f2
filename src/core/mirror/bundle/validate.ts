import { z } from 'zod';
import { MoorError } from '../../errors';
import { bundleTables, type BundleTable, type ColumnType } from './columns';
import { journalTables } from '../../db/journal-tables';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './format';
import { describeValue } from '../describe-value';

/** A bundle whose every cell was checked: rows stay arrays in the bundle's column order. */
export interface ValidBundle {
  exportedAt: string;
  scope: { from: string; to: string } | null;
  tables: Record<BundleTable, unknown[][]>;
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

type Check = (value: unknown) => string | undefined;

/** One check per column, chosen once per table rather than decided again for every cell. */
function columnCheck(type: ColumnType): Check {
  if (typeof type === 'object') {
    const allowed = new Set<unknown>(type.enum);
    if (type.nullable === true) allowed.add(null);
    const expected = `one of ${type.enum.join(', ')}${type.nullable === true ? ' or null' : ''}`;
    return (value) => (allowed.has(value) ? undefined : expected);
  }
  const nullable = type.endsWith('?');
  const base = nullable ? type.slice(0, -1) : type;
  const inner: Check =
    base === 'int'
      ? (v) => (Number.isInteger(v) ? undefined : 'a whole number')
      : base === 'bool'
        ? (v) => (v === 0 || v === 1 ? undefined : '0 or 1')
        : base === 'real'
          ? (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'a number')
          : base === 'date'
            ? (v) => (typeof v === 'string' && DATE.test(v) ? undefined : 'a date YYYY-MM-DD')
            : (v) => (typeof v === 'string' ? undefined : 'text');
  return nullable
    ? (value) => (value === null ? undefined : inner(value))
    : (value) => (value === null ? 'a value (not null)' : inner(value));
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
  const tables = {} as Record<BundleTable, unknown[][]>;
  for (const table of journalTables) {
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

function validateTable(file: string, table: BundleTable, columns: string[], rows: unknown[]): unknown[][] {
  const spec = bundleTables[table];
  const expected = spec.map((c) => c.name);
  if (columns.length !== expected.length || columns.some((c, i) => c !== expected[i])) {
    throw new MoorError(
      'BUNDLE_INVALID',
      `${file}, table ${table}: columns are [${columns.join(', ')}]; expected [${expected.join(', ')}].`,
      { file, table },
    );
  }
  const checks = spec.map((c) => columnCheck(c.type));
  const width = spec.length;
  const pairKey = table === 'subgroup_member' || table === 'frozen_scope';
  const keys = new Set<unknown>();
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    if (!Array.isArray(values) || values.length !== width) {
      throw new MoorError(
        'BUNDLE_INVALID',
        `${file}, table ${table}, row ${r + 1}: expected an array of ${width} values.`,
        {
          file,
          table,
          row: r + 1,
        },
      );
    }
    for (let c = 0; c < width; c++) {
      const value: unknown = values[c];
      const problem = (checks[c] as Check)(value);
      if (problem !== undefined) {
        const column = (spec[c] as (typeof spec)[number]).name;
        throw new MoorError(
          'BUNDLE_INVALID',
          `${file}, table ${table}, row ${r + 1}, column ${column}: expected ${problem}, found ${describeValue(value)}.`,
          { file, table, row: r + 1, column },
        );
      }
    }
    const key: unknown = pairKey ? `${String(values[0])}:${String(values[1])}` : values[0];
    if (keys.has(key)) {
      throw new MoorError(
        'BUNDLE_INVALID',
        `${file}, table ${table}, row ${r + 1}: key ${String(key)} appears twice.`,
        {
          file,
          table,
          row: r + 1,
        },
      );
    }
    keys.add(key);
  }
  return rows as unknown[][];
}
