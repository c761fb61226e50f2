import type { Migration } from './migration';

/**
 * The desktop app's own tables: local users with their lock-out state, and settings.
 * Passwords and the backup passphrase are stored only as scrypt verifiers, never in clear.
 */
export const m0006App: Migration = {
  name: '0006_app',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE app_user (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('deputy', 'secretary', 'director', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        last_sign_in_at TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE app_setting (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
