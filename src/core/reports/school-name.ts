import type { Mirror } from '../db/mirror';
import type { DocumentLanguage } from './report-types';

/** The school's name as a report's page header prints it, in the document's language. */
export function schoolNameIn(mirror: Mirror, language: DocumentLanguage): string {
  const school = mirror.first(
    mirror.db.selectFrom('school').select(['name_ky', 'name_ru']).orderBy('id').limit(1),
  );
  if (!school) return '';
  return language === 'ky' ? school.name_ky : school.name_ru;
}
