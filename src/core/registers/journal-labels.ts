import type { Mirror } from '../db/mirror';
import type { Language } from '../db/schema';
import { documentLabels } from '../documents/words';
import { MoorError } from '../errors';

export function classLabel(
  mirror: Mirror,
  classId: number,
  language: Language,
): { label: string; academicYearId: number } {
  const found = mirror.first(
    mirror.db.selectFrom('class').select(['grade', 'letter', 'academic_year_id']).where('id', '=', classId),
  );
  if (!found)
    throw new MoorError('NOT_FOUND', `There is no class with id ${classId} in the mirror.`, { classId });
  return {
    label: documentLabels(language).className(found.grade, found.letter),
    academicYearId: found.academic_year_id,
  };
}

export function periodLabel(
  mirror: Mirror,
  periodId: number,
  language: Language,
): { label: string; academicYearId: number } {
  const found = mirror.first(
    mirror.db
      .selectFrom('reporting_period')
      .innerJoin('academic_year', 'academic_year.id', 'reporting_period.academic_year_id')
      .select(['reporting_period.kind', 'reporting_period.number', 'academic_year.label', 'academic_year.id'])
      .where('reporting_period.id', '=', periodId),
  );
  if (!found)
    throw new MoorError('NOT_FOUND', `There is no reporting period with id ${periodId} in the mirror.`, {
      periodId,
    });
  const name = documentLabels(language).periodName(found.kind, found.number);
  return { label: `${found.label}, ${name}`, academicYearId: found.id };
}
