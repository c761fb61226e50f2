import { z } from 'zod';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import { defaultCheckRules } from './journal-rule-defaults';
import { checkRulesSchema } from '../../shared/journal-rules';
import { defaultMarkDeadlines } from './journal-rule-defaults';
import { markDeadlinesSchema } from '../../shared/journal-rules';
import { defaultMarkScale, markScaleSchema } from './mark-scale';
import { kundolukServiceSchema } from '../../shared/kundoluk-service';
import { kundolukAccountRecord } from '../../shared/kundoluk-accounts';
import { defaultPaths } from '../mirror/kundoluk/paths';
import { archiveDefaultsSchema } from '../../shared/archive-defaults';
import { usualArchiveDefaults } from './archive-default-values';

/**
 * The app's settings, each a typed key in `app_setting`. Secrets are never stored: the backup
 * passphrase is kept only as a verifier (scrypt hash) to check the deputy typed the same one, and
 * the Kundoluk token lives in the secret store (`secrets/`), outside the mirror and its backups.
 */
const schemas = {
  setupDone: z.boolean(),
  defaultLanguage: z.enum(['ky', 'ru', 'en']),
  idleMinutes: z.number().int().min(1).max(240),
  updateUrl: z.string().nullable(),
  kundoluk: z.object({
    mode: z.enum(['api', 'file', 'later']),
    url: z.string().nullable(),
    login: z.string().nullable(),
  }),
  backupPassphraseVerifier: z.string().nullable(),
  /** Kundoluk's role and paths: the administrator corrects them when the service changes. */
  kundolukService: kundolukServiceSchema,
  /** The further accounts a sync runs through (names and consent; their tokens are in the secret store). */
  kundolukAccounts: z.array(kundolukAccountRecord),
  /** When a mark counts as entered late: read by the sync, the day-1 checks and the reports. */
  markDeadlines: markDeadlinesSchema,
  /** The day-1 checks' own settings (how far a final may be from the marks; half-year grades). */
  checkRules: checkRulesSchema,
  /** The grades and codes every source's marks and finals are held to. */
  markScale: markScaleSchema,
  /** Each document kind's retention period and storage place: new archive lines take them. */
  archiveDefaults: archiveDefaultsSchema,
} as const;

type Schemas = typeof schemas;
export type SettingKey = keyof Schemas;
export type SettingValue<K extends SettingKey> = z.output<Schemas[K]>;

const defaults: { [K in SettingKey]: SettingValue<K> } = {
  setupDone: false,
  defaultLanguage: 'ky',
  idleMinutes: 10,
  updateUrl: null,
  kundoluk: { mode: 'later', url: null, login: null },
  backupPassphraseVerifier: null,
  kundolukService: { role: 'teacher', paths: defaultPaths('teacher') },
  kundolukAccounts: [],
  markDeadlines: defaultMarkDeadlines,
  checkRules: defaultCheckRules,
  markScale: defaultMarkScale,
  archiveDefaults: usualArchiveDefaults,
};

export function getSetting<K extends SettingKey>(mirror: Mirror, key: K): SettingValue<K> {
  const row = mirror.first(mirror.db.selectFrom('app_setting').select('value_json').where('key', '=', key));
  if (!row) return defaults[key];
  const parsed = schemas[key].safeParse(JSON.parse(row.value_json));
  if (!parsed.success) {
    throw new MoorError(
      'SETTING_INVALID',
      `The stored setting "${key}" is not valid; set it again in Settings.`,
      {
        key,
      },
    );
  }
  return parsed.data as SettingValue<K>;
}

/** Writes one setting; call inside the transaction that audits the change. */
export function putSetting<K extends SettingKey>(
  mirror: Mirror,
  key: K,
  value: SettingValue<K>,
  at: Date,
): void {
  const valueJson = JSON.stringify(schemas[key].parse(value));
  mirror.run(
    mirror.db
      .insertInto('app_setting')
      .values({ key, value_json: valueJson, updated_at: at.toISOString() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value_json: valueJson, updated_at: at.toISOString() }),
      ),
  );
}
