import type { Migration } from './migration';

/**
 * Which source brought each class's subject and through which day: a school synced from several
 * Kundoluk accounts (and class journal workbooks) sees what no source covers. A mirror filled
 * before this was kept counts as brought through its last lesson day by its earlier syncs.
 */
export const m0013SyncCoverage: Migration = {
  name: '0013_sync_coverage',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE sync_coverage (
        class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,
        subject_id INTEGER NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('bundle', 'workbook', 'kundoluk', 'earlier')),
        account TEXT NOT NULL,
        synced_through TEXT NOT NULL,
        synced_at TEXT NOT NULL,
        PRIMARY KEY (class_id, subject_id, source, account)
      );
    `);
    // Frozen here rather than shared with the sync: a migration must do the same thing forever.
    sqlite
      .prepare(
        `INSERT INTO sync_coverage (class_id, subject_id, source, account, synced_through, synced_at)
         SELECT class_id, subject_id, 'earlier', '', (SELECT max(date) FROM lesson), ?
         FROM (SELECT class_id, subject_id FROM teaching_assignment UNION SELECT class_id, subject_id FROM lesson)
         WHERE (SELECT max(date) FROM lesson) IS NOT NULL`,
      )
      .run(new Date().toISOString());
  },
};
