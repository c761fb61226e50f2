import type { Selectable } from 'kysely';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import type { Language, SchoolTable } from '../db/schema';
import { MoorError } from '../errors';
import type { SchoolDetailsView } from '../../shared/views';

/**
 * The school's own row: a mirror holds one school, made by the first-run setup or the first sync.
 * Every read and write of it goes through here, so "which row, and what when there is none" is
 * decided once.
 */
export type SchoolRow = Selectable<SchoolTable>;

/** The school's row; undefined before setup or a sync has made it. */
export function readSchool(mirror: Mirror): SchoolRow | undefined {
  return mirror.first(mirror.db.selectFrom('school').selectAll().orderBy('id').limit(1));
}

/** The language the school's documents are printed in (copies, registers, reports); Kyrgyz until set. */
export function schoolLanguage(mirror: Mirror): Language {
  return readSchool(mirror)?.document_language ?? 'ky';
}

/** The school's name as a printed page's header gives it, in the document's language; empty before setup. */
export function schoolNameIn(mirror: Mirror, language: Language): string {
  const school = readSchool(mirror);
  if (!school) return '';
  return language === 'ky' ? school.name_ky : school.name_ru;
}

/** The school's names and addresses; null before setup has made the school. */
export function readSchoolDetails(mirror: Mirror): SchoolDetailsView | null {
  const row = readSchool(mirror);
  if (!row) return null;
  return { nameKy: row.name_ky, nameRu: row.name_ru, addressKy: row.address_ky, addressRu: row.address_ru };
}

/** The school's names and addresses as the columns of its row hold them. */
function schoolColumns(school: SchoolDetailsView) {
  return {
    name_ky: school.nameKy,
    name_ru: school.nameRu,
    address_ky: school.addressKy,
    address_ru: school.addressRu,
  };
}

/**
 * The first-run setup's school: its names, addresses and document language, on the row a synced or
 * imported mirror already holds, or on a new one. Call inside the transaction that audits the setup.
 */
export function saveSchoolAtSetup(mirror: Mirror, school: SchoolDetailsView, language: Language): void {
  const values = { ...schoolColumns(school), document_language: language };
  const existing = readSchool(mirror);
  if (existing) mirror.run(mirror.db.updateTable('school').set(values).where('id', '=', existing.id));
  else mirror.run(mirror.db.insertInto('school').values({ ...values, okpo_code: null, kundoluk_code: null }));
}

/** Sets the language the school's documents are printed in; call inside the transaction that audits it. */
export function setSchoolLanguage(mirror: Mirror, language: Language): void {
  mirror.run(mirror.db.updateTable('school').set({ document_language: language }));
}

/**
 * Corrects the school's names and addresses, audited with what they were. Copies already printed
 * keep the old name: the name is part of a copy's data fingerprint, so the next print of a class
 * is a new copy superseding the old one, never a reprint that no longer matches its record.
 */
export function updateSchoolDetails(mirror: Mirror, school: SchoolDetailsView, actor: Actor, at: Date): void {
  mirror.transaction(() => {
    const before = readSchoolDetails(mirror);
    if (!before) throw new MoorError('SETUP_NEEDED', 'Finish the first-run setup.');
    mirror.run(mirror.db.updateTable('school').set(schoolColumns(school)));
    appendAudit(mirror, { actor, action: 'settings.school', entity: 'school', before, after: school }, at);
  });
}
