import type { Migration } from './migration';

/**
 * What the mirror remembers about its own filling: every completed sync run, every change it saw
 * between runs (the journal's history), and which class periods are frozen because their
 * paper copy was printed and certified.
 */
export const m0002SyncHistory: Migration = {
  name: '0002_sync_history',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE sync_run (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('bundle', 'workbook', 'kundoluk')),
        source_name TEXT NOT NULL,
        actor TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        added INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        warnings_json TEXT NOT NULL DEFAULT '[]'
      );

      CREATE TABLE mirror_change (
        id INTEGER PRIMARY KEY,
        sync_run_id INTEGER REFERENCES sync_run(id),
        seen_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        class_id INTEGER,
        subject_id INTEGER,
        student_id INTEGER,
        period_id INTEGER,
        lesson_date TEXT,
        before_value TEXT,
        after_value TEXT,
        details_json TEXT
      );
      CREATE INDEX mirror_change_seen ON mirror_change(seen_at);
      CREATE INDEX mirror_change_class ON mirror_change(class_id, lesson_date);

      CREATE TABLE frozen_scope (
        class_id INTEGER NOT NULL REFERENCES class(id),
        period_id INTEGER NOT NULL REFERENCES reporting_period(id),
        frozen_at TEXT NOT NULL,
        document_id INTEGER,
        PRIMARY KEY (class_id, period_id)
      );
    `);
  },
};
