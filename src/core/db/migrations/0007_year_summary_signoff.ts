import type { Migration } from './migration';

/**
 * The director's signature on a year-end summary sheet. It belongs to one printed sheet (its
 * document id): a reprint with changed data is a new sheet, which the director signs again.
 */
export const m0007YearSummarySignoff: Migration = {
  name: '0007_year_summary_signoff',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE year_summary_signoff (
        document_id TEXT PRIMARY KEY REFERENCES document(id),
        signed_on TEXT NOT NULL,
        signed_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
    `);
  },
};
