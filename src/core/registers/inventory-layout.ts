import { anchorText, chainHead } from '../audit/chain-head';
import type { Mirror } from '../db/mirror';
import type { Language } from '../db/schema';
import type { RegisterLayout } from '../documents';
import { MoorError } from '../errors';
import { folderInventory } from './folder-inventory';
import { periodLabel } from './journal-labels';
import { registerWords } from '../documents/words';
import { readSchool } from '../settings/school';

/**
 * The inventory of a quarter, half-year or year folder as a printable register: one line per
 * certified copy, the folders, the page total and the classes whose copies are still missing.
 */
export function inventoryLayout(
  mirror: Mirror,
  options: { periodId: number; language: Language; createdAt: Date },
): RegisterLayout {
  const period = mirror.first(
    mirror.db.selectFrom('reporting_period').select('academic_year_id').where('id', '=', options.periodId),
  );
  if (!period) {
    throw new MoorError('NOT_FOUND', `There is no reporting period ${options.periodId}.`, {
      field: 'periodId',
    });
  }
  const inventory = folderInventory(mirror, {
    academicYearId: period.academic_year_id,
    periodId: options.periodId,
  });
  const w = registerWords(options.language);
  const { yes, no, secretary } = w;
  const school = readSchool(mirror);
  const missing = inventory.classesMissing.map((c) => `${c.grade}${c.letter}`).join(', ');
  return {
    id: `REG-INVENTORY-${options.periodId}`,
    language: options.language,
    createdAt: options.createdAt.toISOString(),
    orientation: 'landscape',
    auditHead: anchorText(chainHead(mirror)),
    title: w.inventoryTitle,
    subtitle: [
      ...(school ? [options.language === 'ru' ? school.name_ru : school.name_ky] : []),
      periodLabel(mirror, options.periodId, options.language).label,
      ...(inventory.folderNumbers.length > 0 ? [w.inventoryFolders(inventory.folderNumbers.join(', '))] : []),
      w.inventoryPages(inventory.totalPages),
      ...(missing === '' ? [] : [w.inventoryMissing(missing)]),
    ],
    columns: w.inventoryColumns,
    rows: inventory.lines.map((l) => [
      l.position,
      `${l.registerNumber}/${l.registerYear}`,
      l.classLabel,
      l.documentRef === null ? l.documentTitle : `${l.documentTitle} (${l.documentRef})`,
      l.pages,
      l.directorSigned ? yes : no,
      l.stamped ? yes : no,
      l.stitched ? yes : no,
      l.folderNumber ?? '',
    ]),
    signatures: [{ role: secretary, name: '' }],
  };
}
