import type { Migration } from './migration';

/**
 * How far a Kundoluk sync got: it is written week by week, each week in its own transaction, so a
 * sync cut off by a failing connection continues from the first week it had not finished.
 */
export const m0008KundolukSync: Migration = {
  name: '0008_kundoluk_sync',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE kundoluk_sync (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        range_from TEXT NOT NULL,
        range_to TEXT NOT NULL,
        weeks INTEGER NOT NULL CHECK (weeks > 0),
        weeks_done INTEGER NOT NULL DEFAULT 0 CHECK (weeks_done BETWEEN 0 AND weeks),
        done_through TEXT,
        last_run_id INTEGER REFERENCES sync_run(id),
        started_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX kundoluk_sync_open ON kundoluk_sync(account, range_from, range_to, finished_at);
    `);
  },
};
