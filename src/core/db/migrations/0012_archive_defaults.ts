import type { Migration } from './migration';

/**
 * The archive's retention periods per document kind, written into the mirror so that the periods a
 * school keeps do not move when a later version changes its defaults: class journal copies 5 years,
 * year-end summary sheets 25 years, the backup register and the hand-over log 5 years; the place is
 * the school's archive until the admin names one.
 */
export const m0012ArchiveDefaults: Migration = {
  name: '0012_archive_defaults',
  up(sqlite) {
    const place = (years: number) => ({ retentionYears: years, storagePlace: null });
    const value = {
      class_copy: place(5),
      year_summary: place(25),
      backup_register: place(5),
      handover_log: place(5),
    };
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO app_setting (key, value_json, updated_at)
         VALUES ('archiveDefaults', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      )
      .run(JSON.stringify(value));
  },
};
