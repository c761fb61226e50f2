import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { hashSecret } from '../auth/password';
import { insertUser, type AppUser } from '../auth/users';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import type { ParsedInputOf } from '../../shared/contract';
import { getSetting, putSetting } from './settings';

export type SetupInput = ParsedInputOf<'setup.complete'>;

/** The first-run actor: the setup itself, recorded as such in the audit log. */
const SETUP_ACTOR: Actor = { userId: 'setup', name: 'first-run setup', role: 'admin' };

/**
 * First run: the school, the academic year with its four quarters (plus half-years and the year),
 * the administrator, languages, the Kundoluk connection and the backup passphrase verifier,
 * all in one audited transaction. A mirror that already holds the school (imported or a demo)
 * keeps its rows and gets the names from the form.
 */
export async function completeSetup(mirror: Mirror, input: SetupInput, at: Date): Promise<AppUser> {
  if (getSetting(mirror, 'setupDone')) {
    throw new MoorError('SETUP_DONE', 'This installation is already set up.');
  }
  validateDates(input);
  const [passwordHash, passphraseVerifier] = await Promise.all([
    hashSecret(input.admin.password),
    hashSecret(input.backupPassphrase),
  ]);
  return mirror.transaction(() => {
    saveSchool(mirror, input);
    saveYear(mirror, input);
    putSetting(mirror, 'defaultLanguage', input.defaultLanguage, at);
    putSetting(mirror, 'kundoluk', input.kundoluk, at);
    if (input.kundolukToken != null) putSetting(mirror, 'kundolukToken', input.kundolukToken, at);
    putSetting(mirror, 'backupPassphraseVerifier', passphraseVerifier, at);
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

function validateDates(input: SetupInput): void {
  const { year, quarters } = input;
  if (year.startsOn >= year.endsOn) {
    throw new MoorError('BAD_DATES', 'The academic year must end after it starts.', { field: 'year' });
  }
  let previousEnd = '';
  quarters.forEach((q, index) => {
    const field = `quarters.${index}`;
    if (q.startsOn > q.endsOn) {
      throw new MoorError('BAD_DATES', `Quarter ${index + 1} ends before it starts.`, { field });
    }
    if (q.startsOn < year.startsOn || q.endsOn > year.endsOn) {
      throw new MoorError('BAD_DATES', `Quarter ${index + 1} lies outside the academic year.`, { field });
    }
    if (q.startsOn <= previousEnd) {
      throw new MoorError('BAD_DATES', `Quarter ${index + 1} overlaps the quarter before it.`, { field });
    }
    previousEnd = q.endsOn;
  });
}

function saveSchool(mirror: Mirror, input: SetupInput): void {
  const values = {
    name_ky: input.school.nameKy,
    name_ru: input.school.nameRu,
    address_ky: input.school.addressKy,
    address_ru: input.school.addressRu,
    document_language: input.documentLanguage,
  };
  const existing = mirror.first(mirror.db.selectFrom('school').select('id').orderBy('id').limit(1));
  if (existing) mirror.run(mirror.db.updateTable('school').set(values).where('id', '=', existing.id));
  else mirror.run(mirror.db.insertInto('school').values({ ...values, okpo_code: null, kundoluk_code: null }));
}

function saveYear(mirror: Mirror, input: SetupInput): void {
  const { year, quarters } = input;
  const existing = mirror.first(
    mirror.db.selectFrom('academic_year').select('id').where('label', '=', year.label),
  );
  if (existing) return;
  const { lastInsertRowid: yearId } = mirror.run(
    mirror.db
      .insertInto('academic_year')
      .values({ label: year.label, starts_on: year.startsOn, ends_on: year.endsOn }),
  );
  const [q1, q2, q3, q4] = quarters as [
    (typeof quarters)[0],
    (typeof quarters)[0],
    (typeof quarters)[0],
    (typeof quarters)[0],
  ];
  const periods = [
    ...quarters.map((q, i) => ({
      kind: 'quarter' as const,
      number: i + 1,
      starts_on: q.startsOn,
      ends_on: q.endsOn,
    })),
    { kind: 'half_year' as const, number: 1, starts_on: q1.startsOn, ends_on: q2.endsOn },
    { kind: 'half_year' as const, number: 2, starts_on: q3.startsOn, ends_on: q4.endsOn },
    { kind: 'year' as const, number: 1, starts_on: year.startsOn, ends_on: year.endsOn },
  ];
  for (const period of periods) {
    mirror.run(mirror.db.insertInto('reporting_period').values({ ...period, academic_year_id: yearId }));
  }
}
