import type { Migration } from './migration';

/**
 * The registers the secretary and the director keep (I 4.2, I 5.2): backup copies and their use,
 * the archive of certified paper copies, and the hand-over log of strict reporting documents.
 * Register rows keep the words they print (class, period, people) as text beside the ids, because a
 * register must stay whole when the journal data it points to is re-synced or restored from a backup.
 */
export const m0005BackupRegisters: Migration = {
  name: '0005_backup_registers',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE backup_register (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        backup_id TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        actor TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        period_id INTEGER REFERENCES reporting_period(id),
        medium_label TEXT,
        medium_serial TEXT,
        path TEXT NOT NULL,
        bytes INTEGER,
        sha256 TEXT,
        encrypted INTEGER NOT NULL DEFAULT 1 CHECK (encrypted IN (0, 1)),
        documents INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('writing', 'verified', 'failed')),
        verified_at TEXT,
        verify_result TEXT,
        failure_code TEXT,
        failure_reason TEXT,
        UNIQUE (year, number)
      );

      CREATE TABLE backup_use (
        id INTEGER PRIMARY KEY,
        backup_register_id INTEGER REFERENCES backup_register(id),
        backup_id TEXT,
        path TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('restore', 'inspect')),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        reason TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('ok', 'failed')),
        detail TEXT,
        pre_restore_path TEXT
      );
      CREATE INDEX backup_use_register ON backup_use(backup_register_id);

      CREATE TABLE archive_register (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        academic_year_id INTEGER REFERENCES academic_year(id),
        class_id INTEGER REFERENCES class(id),
        class_label TEXT NOT NULL,
        period_id INTEGER REFERENCES reporting_period(id),
        period_label TEXT NOT NULL,
        document_title TEXT NOT NULL,
        document_ref TEXT,
        pages INTEGER NOT NULL CHECK (pages >= 0),
        received_on TEXT NOT NULL,
        handed_over_by TEXT NOT NULL,
        received_by TEXT NOT NULL,
        director_signed INTEGER NOT NULL DEFAULT 0 CHECK (director_signed IN (0, 1)),
        stamped INTEGER NOT NULL DEFAULT 0 CHECK (stamped IN (0, 1)),
        stitched INTEGER NOT NULL DEFAULT 0 CHECK (stitched IN (0, 1)),
        folder_number TEXT,
        storage_place TEXT,
        retention_until TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (year, number)
      );
      CREATE INDEX archive_register_period ON archive_register(period_id, class_id);
      CREATE INDEX archive_register_folder ON archive_register(folder_number);

      CREATE TABLE handover_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        from_staff_id INTEGER REFERENCES staff(id),
        from_name TEXT NOT NULL,
        to_staff_id INTEGER REFERENCES staff(id),
        to_name TEXT NOT NULL,
        description TEXT NOT NULL,
        copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
        pages INTEGER,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX handover_log_at ON handover_log(at);

      CREATE TABLE handover_item (
        handover_id INTEGER NOT NULL REFERENCES handover_log(id),
        position INTEGER NOT NULL,
        document_ref TEXT NOT NULL,
        PRIMARY KEY (handover_id, position)
      );
    `);
  },
};
