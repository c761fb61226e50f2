import type { Migration } from './migration';

/**
 * Printed documents: every class copy, year-end summary sheet and printed register, with the
 * SHA-256 of its files, the fingerprint of the mirror data it was built from (so the close can
 * tell when a class's data changed after printing) and its creation instant, the only date in the
 * files, so re-rendering the same data gives byte-identical files. A newer copy of the same
 * class, period and language supersedes the older one; nothing is deleted.
 */
export const m0004Documents: Migration = {
  name: '0004_documents',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE document (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('class_copy', 'year_summary', 'register')),
        class_id INTEGER REFERENCES class(id),
        period_id INTEGER REFERENCES reporting_period(id),
        academic_year_id INTEGER REFERENCES academic_year(id),
        language TEXT NOT NULL CHECK (language IN ('ky', 'ru')),
        pages INTEGER NOT NULL CHECK (pages > 0),
        sha256 TEXT NOT NULL,
        xlsx_sha256 TEXT,
        data_fingerprint TEXT NOT NULL,
        pdf_path TEXT NOT NULL,
        xlsx_path TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        superseded_by TEXT REFERENCES document(id)
      );
      CREATE INDEX document_class_period ON document(class_id, period_id, kind, language);
      CREATE INDEX document_year ON document(academic_year_id, kind);
    `);
  },
};
