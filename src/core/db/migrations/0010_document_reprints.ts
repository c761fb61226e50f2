import type { Migration } from './migration';

/**
 * What a printed copy says about itself beyond its data: the instant the journal data was
 * current as of (the last sync before printing), and, for a re-print, the copy it replaces and the
 * changes that caused it. Both are kept so that printing unchanged data again gives the recorded
 * copy byte for byte, whatever was synced or printed since.
 */
export const m0010DocumentReprints: Migration = {
  name: '0010_document_reprints',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE document ADD COLUMN data_as_of TEXT;
      ALTER TABLE document ADD COLUMN replaces_json TEXT;
    `);
  },
};
