import { bundleTables, type ColumnSpec, type ColumnType } from './columns';
import { journalTables } from '../../db/journal-tables';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './format';

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

function cellSchema(type: ColumnType): Record<string, unknown> {
  if (typeof type === 'object') {
    return { enum: type.nullable === true ? [...type.enum, null] : [...type.enum] };
  }
  switch (type) {
    case 'int':
      return { type: 'integer' };
    case 'int?':
      return { type: ['integer', 'null'] };
    case 'bool':
      return { enum: [0, 1] };
    case 'real':
      return { type: 'number' };
    case 'real?':
      return { type: ['number', 'null'] };
    case 'text':
      return { type: 'string' };
    case 'text?':
      return { type: ['string', 'null'] };
    case 'date':
      return isoDate;
    case 'date?':
      return { anyOf: [isoDate, { type: 'null' }] };
  }
}

function tableSchema(columns: readonly ColumnSpec[]): Record<string, unknown> {
  return {
    type: 'object',
    required: ['columns', 'rows'],
    additionalProperties: false,
    properties: {
      columns: { const: columns.map((c) => c.name) },
      rows: {
        type: 'array',
        items: {
          type: 'array',
          prefixItems: columns.map((c) => cellSchema(c.type)),
          items: false,
          minItems: columns.length,
        },
      },
    },
  };
}

/** The bundle's JSON Schema, generated from the same column list the importer checks against. */
export function bundleJsonSchema(): Record<string, unknown> {
  const tables = Object.fromEntries(journalTables.map((table) => [table, tableSchema(bundleTables[table])]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://moor.kg/schema/bundle-v1.json',
    title: 'Мөөр mirror bundle',
    description:
      'The whole journal mirror of one school (or, with a scope, its reference data and the journal ' +
      'entries dated inside the scope), table by table: column names, then one array of values per row.',
    type: 'object',
    required: ['format', 'version', 'exportedAt', 'scope', 'tables'],
    additionalProperties: false,
    properties: {
      format: { const: BUNDLE_FORMAT },
      version: { const: BUNDLE_VERSION },
      exportedAt: { type: 'string', format: 'date-time' },
      scope: {
        oneOf: [
          { type: 'null' },
          {
            type: 'object',
            required: ['from', 'to'],
            additionalProperties: false,
            properties: { from: isoDate, to: isoDate },
          },
        ],
      },
      tables: {
        type: 'object',
        required: [...journalTables],
        additionalProperties: false,
        properties: tables,
      },
    },
  };
}
