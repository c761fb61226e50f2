import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { hashSecret } from '../auth/password';
import { insertUser, type AppUser } from '../auth/users';
import type { Mirror } from '../db/mirror';
import type { SecretStore } from '../secrets/secret-store';
import { passphraseVerifier } from '../backup/school-passphrase';
import { MoorError } from '../errors';
import type { ParsedInputOf } from '../../shared/contract';
import { saveSchoolAtSetup } from '../settings/school';
import { checkSchoolYearDates, insertSchoolYear } from './school-year-dates';
import { getSetting, putSetting } from '../settings/app-settings';

export type SetupInput = ParsedInputOf<'setup.complete'>;

/** The first-run actor: the setup itself, recorded as such in the audit log. */
const SETUP_ACTOR: Actor = { userId: 'setup', name: 'first-run setup', role: 'admin' };

/**
 * First run: the school, the academic year with its four quarters (plus half-years and the year),
 * the administrator, languages, the Kundoluk connection and the backup passphrase verifier,
 * all in one audited transaction. A mirror that already holds the school (imported or a demo)
 * keeps its rows and gets the names from the form.
 */
export async function completeSetup(
  mirror: Mirror,
  secrets: SecretStore,
  input: SetupInput,
  at: Date,
): Promise<AppUser> {
  assertNotSetUp(mirror);
  checkSchoolYearDates(input);
  const [passwordHash, verifier] = await Promise.all([
    hashSecret(input.admin.password),
    passphraseVerifier(input.backupPassphrase),
  ]);
  // The store first: where the system cannot protect the token, the setup stops before it is written.
  const previousToken = secrets.get('kundoluk.token');
  if (input.kundolukToken != null) secrets.set('kundoluk.token', input.kundolukToken);
  try {
    return saveSetup(mirror, input, at, passwordHash, verifier);
  } catch (error) {
    if (input.kundolukToken != null) secrets.set('kundoluk.token', previousToken);
    throw error;
  }
}

function saveSetup(
  mirror: Mirror,
  input: SetupInput,
  at: Date,
  passwordHash: string,
  verifier: string,
): AppUser {
  return mirror.transaction(() => {
    // Checked again inside the one transaction: another setup may have finished during the hashing.
    assertNotSetUp(mirror);
    saveSchoolAtSetup(mirror, input.school, input.documentLanguage);
    saveYear(mirror, input);
    putSetting(mirror, 'defaultLanguage', input.defaultLanguage, at);
    putSetting(mirror, 'kundoluk', input.kundoluk, at);
    putSetting(mirror, 'backupPassphraseVerifier', verifier, at);
    putSetting(mirror, 'setupDone', true, at);
    const admin = insertUser(mirror, SETUP_ACTOR, { ...input.admin, role: 'admin' }, passwordHash, at);
    appendAudit(
      mirror,
      {
        actor: SETUP_ACTOR,
        action: 'setup.complete',
        entity: 'school',
        after: { school: input.school.nameKy, year: input.year.label, kundoluk: input.kundoluk.mode },
      },
      at,
    );
    return admin;
  });
}

function assertNotSetUp(mirror: Mirror): void {
  if (getSetting(mirror, 'setupDone')) {
    throw new MoorError('SETUP_DONE', 'This installation is already set up.');
  }
}

/** The year a synced or imported mirror already holds under the label is kept as it is. */
function saveYear(mirror: Mirror, input: SetupInput): void {
  const existing = mirror.first(
    mirror.db.selectFrom('academic_year').select('id').where('label', '=', input.year.label),
  );
  if (!existing) insertSchoolYear(mirror, input);
}
