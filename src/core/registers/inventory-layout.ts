import type { Mirror } from '../db/mirror';
import type { Language } from '../db/schema';
import type { RegisterLayout } from '../documents';
import { MoorError } from '../errors';
import { folderInventory } from './folder-inventory';
import { periodLabel } from './journal-labels';
import { registerWords } from './register-words';
import { readSchool } from '../settings/school';

type Columns = RegisterLayout['columns'];

/** The printed words of a folder's inventory (опись) beyond the registers' own, Kyrgyz and Russian. */
const words: Record<
  Language,
  {
    title: string;
    columns: Columns;
    folders: (list: string) => string;
    pages: (count: number) => string;
    missing: (classes: string) => string;
  }
> = {
  ky: {
    title: 'Папкадагы документтердин тизмеси (опись)',
    columns: [
      { header: '№', weight: 0.8, align: 'center' },
      { header: 'Каттоо №', weight: 1.6, align: 'center' },
      { header: 'Класс', weight: 1.6 },
      { header: 'Документ', weight: 6 },
      { header: 'Барак', weight: 1.2, align: 'center' },
      { header: 'Директор кол койду', weight: 1.8, align: 'center' },
      { header: 'Мөөр басылды', weight: 1.6, align: 'center' },
      { header: 'Тигилди', weight: 1.4, align: 'center' },
      { header: 'Папка №', weight: 1.6, align: 'center' },
    ],
    folders: (list) => `Папка №: ${list}`,
    pages: (count) => `Баары барак: ${count}`,
    missing: (classes) => `Архивде али жок класстар: ${classes}`,
  },
  ru: {
    title: 'Опись документов папки',
    columns: [
      { header: '№', weight: 0.8, align: 'center' },
      { header: 'Рег. №', weight: 1.6, align: 'center' },
      { header: 'Класс', weight: 1.6 },
      { header: 'Документ', weight: 6 },
      { header: 'Листов', weight: 1.2, align: 'center' },
      { header: 'Подпись директора', weight: 1.8, align: 'center' },
      { header: 'Печать', weight: 1.6, align: 'center' },
      { header: 'Прошито', weight: 1.4, align: 'center' },
      { header: 'Дело №', weight: 1.6, align: 'center' },
    ],
    folders: (list) => `Дело №: ${list}`,
    pages: (count) => `Всего листов: ${count}`,
    missing: (classes) => `Ещё нет в архиве: ${classes}`,
  },
};

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
  const w = words[options.language];
  const { yes, no, secretary } = registerWords(options.language);
  const school = readSchool(mirror);
  const missing = inventory.classesMissing.map((c) => `${c.grade}${c.letter}`).join(', ');
  return {
    id: `REG-INVENTORY-${options.periodId}`,
    language: options.language,
    createdAt: options.createdAt.toISOString(),
    orientation: 'landscape',
    title: w.title,
    subtitle: [
      ...(school ? [options.language === 'ru' ? school.name_ru : school.name_ky] : []),
      periodLabel(mirror, options.periodId, options.language).label,
      ...(inventory.folderNumbers.length > 0 ? [w.folders(inventory.folderNumbers.join(', '))] : []),
      w.pages(inventory.totalPages),
      ...(missing === '' ? [] : [w.missing(missing)]),
    ],
    columns: w.columns,
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
