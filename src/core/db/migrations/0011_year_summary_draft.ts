import type { Migration } from './migration';

/**
 * The summary sheets printed as drafts because finals were missing: a draft carries no director's
 * block and is never signed off, so the director's sign-off looks a sheet up here first.
 */
export const m0011YearSummaryDraft: Migration = {
  name: '0011_year_summary_draft',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE year_summary_draft (
        document_id TEXT PRIMARY KEY REFERENCES document(id),
        missing_finals INTEGER NOT NULL CHECK (missing_finals > 0)
      );
    `);
  },
};
