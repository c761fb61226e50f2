import type { Migration } from './migration';

/**
 * The quarter-end close: one run per reporting period over a set of classes, its five days,
 * the items of each day (confirmations, copies, signatures, certifications, hand-over…), the
 * deputies' written overrides; and the audit log's head record, so that cutting rows off the
 * end of the hash chain is detected as well as editing or removing rows inside it.
 */
export const m0003Close: Migration = {
  name: '0003_close',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE close_run (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES reporting_period(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        completed_at TEXT,
        completed_by TEXT,
        folder_label TEXT
      );
      CREATE INDEX close_run_period ON close_run(period_id);

      CREATE TABLE close_class (
        close_id INTEGER NOT NULL REFERENCES close_run(id),
        period_id INTEGER NOT NULL REFERENCES reporting_period(id),
        class_id INTEGER NOT NULL REFERENCES class(id),
        PRIMARY KEY (close_id, class_id),
        UNIQUE (period_id, class_id)
      );

      CREATE TABLE close_override (
        id INTEGER PRIMARY KEY,
        close_id INTEGER NOT NULL REFERENCES close_run(id),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 5),
        reason TEXT NOT NULL,
        open_items INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      );

      CREATE TABLE close_day (
        close_id INTEGER NOT NULL REFERENCES close_run(id),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 5),
        completed_at TEXT,
        completed_by TEXT,
        override_id INTEGER REFERENCES close_override(id),
        PRIMARY KEY (close_id, day)
      );

      CREATE TABLE close_item (
        id INTEGER PRIMARY KEY,
        close_id INTEGER NOT NULL REFERENCES close_run(id),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 5),
        kind TEXT NOT NULL CHECK (kind IN ('teacher_check', 'backup', 'class_print', 'subject_signature',
          'title_certification', 'handover', 'director_signature', 'stamp', 'folder')),
        item_key TEXT NOT NULL,
        class_id INTEGER REFERENCES class(id),
        subject_id INTEGER REFERENCES subject(id),
        teacher_id INTEGER REFERENCES staff(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'voided', 'overridden')),
        done_at TEXT,
        done_by TEXT,
        signed_on TEXT,
        signer_id INTEGER REFERENCES staff(id),
        document_id TEXT,
        reference TEXT,
        findings INTEGER,
        checked_at TEXT,
        override_id INTEGER REFERENCES close_override(id),
        void_reason TEXT,
        voided_at TEXT,
        UNIQUE (close_id, item_key)
      );
      CREATE INDEX close_item_day ON close_item(close_id, day, status);
      CREATE INDEX close_item_class ON close_item(close_id, class_id);

      CREATE TABLE audit_head (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      );
      INSERT INTO audit_head (singleton, last_id, last_hash)
        SELECT 1, id, hash FROM audit_log ORDER BY id DESC LIMIT 1;
    `);
  },
};
