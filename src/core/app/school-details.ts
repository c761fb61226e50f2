import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';
import type { SchoolDetailsView } from '../../shared/views';

/** The school's names and addresses as the columns of its (single) `school` row hold them. */
export function schoolColumns(school: SchoolDetailsView) {
  return {
    name_ky: school.nameKy,
    name_ru: school.nameRu,
    address_ky: school.addressKy,
    address_ru: school.addressRu,
  };
}

/** The school's names and addresses; null before setup has made the school. */
export function readSchoolDetails(mirror: Mirror): SchoolDetailsView | null {
  const row = mirror.first(
    mirror.db
      .selectFrom('school')
      .select(['name_ky', 'name_ru', 'address_ky', 'address_ru'])
      .orderBy('id')
      .limit(1),
  );
  if (!row) return null;
  return { nameKy: row.name_ky, nameRu: row.name_ru, addressKy: row.address_ky, addressRu: row.address_ru };
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
