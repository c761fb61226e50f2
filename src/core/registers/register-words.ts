import type { Language } from '../db/schema';

type Columns = { header: string; weight: number; align?: 'left' | 'center' | 'right' }[];

/** The registers' printed words, in the school's terms (DOMAIN.md glossary), Kyrgyz and Russian. */
export interface RegisterWords {
  yes: string;
  no: string;
  secretary: string;
  director: string;
  yearLine: (year: number) => string;
  archiveTitle: string;
  archiveColumns: Columns;
  backupTitle: string;
  backupColumns: Columns;
  verifiedOk: string;
  failed: string;
  unfinished: string;
  /** Why a backup failed, by the code the register keeps; another code is printed as it is. */
  failureReasons: Readonly<Record<string, string>>;
  useTitle: string;
  useColumns: Columns;
  restore: string;
  inspect: string;
  handoverTitle: string;
  handoverColumns: Columns;
}

const ky: RegisterWords = {
  yes: 'ооба',
  no: 'жок',
  secretary: 'Катчы',
  director: 'Директор',
  yearLine: (year) => `${year}-жыл`,
  archiveTitle: 'Күбөлөндүрүлгөн көчүрмөлөрдүн архивдик реестри',
  archiveColumns: [
    { header: 'Каттоо №', weight: 2, align: 'center' },
    { header: 'Класс', weight: 2 },
    { header: 'Мезгил', weight: 3 },
    { header: 'Документ', weight: 5 },
    { header: 'Барак', weight: 1.2, align: 'center' },
    { header: 'Кабыл алынган күнү', weight: 2.2, align: 'center' },
    { header: 'Тапшырган', weight: 3 },
    { header: 'Кабыл алган', weight: 3 },
    { header: 'Директор кол койду', weight: 1.8, align: 'center' },
    { header: 'Мөөр басылды', weight: 1.6, align: 'center' },
    { header: 'Тигилди', weight: 1.4, align: 'center' },
    { header: 'Папка №', weight: 1.5, align: 'center' },
    { header: 'Сакталган жери', weight: 2.5 },
    { header: 'Сактоо мөөнөтү', weight: 2, align: 'center' },
  ],
  backupTitle: 'Резервдик көчүрмөлөрдүн реестри',
  backupColumns: [
    { header: 'Каттоо №', weight: 1.5, align: 'center' },
    { header: 'Күнү, убактысы', weight: 2.2, align: 'center' },
    { header: 'Ким жасады', weight: 3 },
    { header: 'Алып жүрүүчү (белгиси, сериялык номери)', weight: 3.5 },
    { header: 'Жайгашкан жери', weight: 5 },
    { header: 'Көлөмү', weight: 1.6, align: 'right' },
    { header: 'SHA-256', weight: 5 },
    { header: 'Шифрленген', weight: 1.6, align: 'center' },
    { header: 'Текшерилди (качан, жыйынтыгы)', weight: 4 },
  ],
  verifiedOk: 'ийгиликтүү',
  failed: 'ишке ашкан жок',
  unfinished: 'аягына чыккан жок',
  failureReasons: {
    BACKUP_INTERRUPTED: 'программа иштеп жатканда токтоп калды',
    BACKUP_DRIVE_FULL: 'диск толуп калды',
    BACKUP_DRIVE_LOST: 'диск ажыратылып калды',
    BACKUP_DRIVE_READONLY: 'дискке жазууга болбойт',
    BACKUP_TARGET_MISSING: 'папка же диск табылган жок',
    BACKUP_IO: 'дискке жазууда ката',
    BACKUP_DAMAGED: 'кайра окулганы жазылганына дал келген жок',
    BACKUP_SOURCE_CHANGED: 'көчүрүлүп жатканда файл өзгөрдү',
    BACKUP_CANCELLED: 'токтотулду',
  },
  useTitle: 'Резервдик көчүрмөлөрдү колдонуу реестри',
  useColumns: [
    { header: '№', weight: 1, align: 'center' },
    { header: 'Күнү, убактысы', weight: 2.2, align: 'center' },
    { header: 'Ким', weight: 3 },
    { header: 'Эмне жасалды', weight: 2 },
    { header: 'Резервдик көчүрмө', weight: 6 },
    { header: 'Себеби', weight: 4 },
    { header: 'Жыйынтыгы', weight: 4 },
  ],
  restore: 'калыбына келтирүү',
  inspect: 'текшерүү',
  handoverTitle: 'Катуу отчеттуулуктагы документтерди өткөрүп берүү журналы',
  handoverColumns: [
    { header: '№', weight: 1, align: 'center' },
    { header: 'Күнү, убактысы', weight: 2.2, align: 'center' },
    { header: 'Эмне өткөрүлүп берилди', weight: 7 },
    { header: 'Нуска', weight: 1.2, align: 'center' },
    { header: 'Барак', weight: 1.2, align: 'center' },
    { header: 'Ким тапшырды', weight: 3.5 },
    { header: 'Ким кабыл алды', weight: 3.5 },
    { header: 'Колу', weight: 2.5 },
  ],
};

const ru: RegisterWords = {
  yes: 'да',
  no: 'нет',
  secretary: 'Секретарь',
  director: 'Директор',
  yearLine: (year) => `${year} год`,
  archiveTitle: 'Архивный реестр заверенных копий',
  archiveColumns: [
    { header: 'Рег. №', weight: 2, align: 'center' },
    { header: 'Класс', weight: 2 },
    { header: 'Период', weight: 3 },
    { header: 'Документ', weight: 5 },
    { header: 'Листов', weight: 1.2, align: 'center' },
    { header: 'Дата поступления', weight: 2.2, align: 'center' },
    { header: 'Сдал', weight: 3 },
    { header: 'Принял', weight: 3 },
    { header: 'Подпись директора', weight: 1.8, align: 'center' },
    { header: 'Печать', weight: 1.6, align: 'center' },
    { header: 'Прошито', weight: 1.4, align: 'center' },
    { header: 'Дело №', weight: 1.5, align: 'center' },
    { header: 'Место хранения', weight: 2.5 },
    { header: 'Срок хранения', weight: 2, align: 'center' },
  ],
  backupTitle: 'Реестр резервных копий',
  backupColumns: [
    { header: 'Рег. №', weight: 1.5, align: 'center' },
    { header: 'Дата и время', weight: 2.2, align: 'center' },
    { header: 'Кто сделал', weight: 3 },
    { header: 'Носитель (метка, серийный номер)', weight: 3.5 },
    { header: 'Расположение', weight: 5 },
    { header: 'Размер', weight: 1.6, align: 'right' },
    { header: 'SHA-256', weight: 5 },
    { header: 'Зашифрована', weight: 1.6, align: 'center' },
    { header: 'Проверена (когда, результат)', weight: 4 },
  ],
  verifiedOk: 'успешно',
  failed: 'не удалось',
  unfinished: 'не завершена',
  failureReasons: {
    BACKUP_INTERRUPTED: 'программа остановилась во время работы',
    BACKUP_DRIVE_FULL: 'диск переполнен',
    BACKUP_DRIVE_LOST: 'диск отключился',
    BACKUP_DRIVE_READONLY: 'на диск нельзя записать',
    BACKUP_TARGET_MISSING: 'папка или диск не найдены',
    BACKUP_IO: 'ошибка записи на диск',
    BACKUP_DAMAGED: 'прочитанное не совпало с записанным',
    BACKUP_SOURCE_CHANGED: 'файл изменился во время копирования',
    BACKUP_CANCELLED: 'остановлено',
  },
  useTitle: 'Реестр использования резервных копий',
  useColumns: [
    { header: '№', weight: 1, align: 'center' },
    { header: 'Дата и время', weight: 2.2, align: 'center' },
    { header: 'Кто', weight: 3 },
    { header: 'Действие', weight: 2 },
    { header: 'Резервная копия', weight: 6 },
    { header: 'Причина', weight: 4 },
    { header: 'Результат', weight: 4 },
  ],
  restore: 'восстановление',
  inspect: 'проверка',
  handoverTitle: 'Журнал передачи документов строгой отчётности',
  handoverColumns: [
    { header: '№', weight: 1, align: 'center' },
    { header: 'Дата и время', weight: 2.2, align: 'center' },
    { header: 'Что передано', weight: 7 },
    { header: 'Экз.', weight: 1.2, align: 'center' },
    { header: 'Листов', weight: 1.2, align: 'center' },
    { header: 'Кто сдал', weight: 3.5 },
    { header: 'Кто принял', weight: 3.5 },
    { header: 'Подпись', weight: 2.5 },
  ],
};

export function registerWords(language: Language): RegisterWords {
  return language === 'ru' ? ru : ky;
}
