import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import { isMoorError } from '../errors';
import { log } from '../log/log';
import type { SecretStore } from './secret-store';

/** Where earlier versions kept the pasted Kundoluk token: a setting in the mirror. */
const LEGACY_KEY = 'kundolukToken';
const system: Actor = { userId: 'system', name: 'Мөөр', role: 'admin' };

/**
 * Moves a Kundoluk token an earlier version kept in the mirror's settings into the secret store,
 * and scrubs it from the mirror: the row is deleted with secure_delete (its bytes overwritten),
 * the file is rebuilt so no free page or old cell keeps a copy, and the WAL is emptied, so no
 * later backup or bundle carries it. A token already in the store is newer and is kept.
 */
export function moveKundolukTokenOutOfMirror(mirror: Mirror, secrets: SecretStore, at: Date): void {
  const row = mirror.first(
    mirror.db.selectFrom('app_setting').select('value_json').where('key', '=', LEGACY_KEY),
  );
  if (!row) return;
  const token = JSON.parse(row.value_json) as unknown;
  try {
    if (typeof token === 'string' && token !== '' && secrets.get('kundoluk.token') === null) {
      secrets.set('kundoluk.token', token);
    }
  } catch (error) {
    // Kept nowhere rather than in plain: the administrator pastes it again in the settings.
    log.warn('the Kundoluk token could not be moved to the secret store; it must be entered again', {
      code: isMoorError(error) ? error.code : 'INTERNAL',
    });
  }
  const { sqlite } = mirror;
  const secureDelete = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    mirror.transaction(() => {
      mirror.run(mirror.db.deleteFrom('app_setting').where('key', '=', LEGACY_KEY));
      appendAudit(
        mirror,
        {
          actor: system,
          action: 'settings.kundolukTokenMoved',
          entity: 'app_setting',
          after: 'secret store',
        },
        at,
      );
    });
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.pragma(`secure_delete = ${secureDelete}`);
  }
}
