import type { Language } from '../db/schema';
import { monthHeadings } from '../../shared/month-names';

/** The printed documents' words, in the school's own terms (DOMAIN.md glossary). */
export interface DocumentLabels {
  readonly pageLabel: string;
  readonly captions: { readonly signature: string; readonly name: string; readonly date: string };
  readonly seal: string;
  readonly school: string;
  readonly klass: string;
  readonly academicYear: string;
  readonly period: string;
  readonly classTeacher: string;
  readonly deputy: string;
  readonly director: string;
  readonly subjectTeacher: string;
  readonly subject: string;
  readonly titleCopy: string;
  readonly classCertification: string;
  readonly deputyCertification: string;
  readonly directorSignOff: string;
  readonly number: string;
  readonly student: string;
  readonly average: string;
  readonly final: string;
  readonly date: string;
  readonly topic: string;
  readonly homework: string;
  readonly teacher: string;
  readonly substitution: string;
  readonly substitutionMark: string;
  readonly marks: string;
  readonly lessons: string;
  readonly finals: string;
  readonly finalsTitle: string;
  readonly absences: string;
  readonly absencesTitle: string;
  readonly absencesTotal: string;
  readonly absenceIll: string;
  readonly absenceExcused: string;
  readonly absenceUnexcused: string;
  readonly late: string;
  readonly left: string;
  readonly joined: string;
  readonly subgroup: string;
  readonly noLessons: string;
  readonly yearSummaryTitle: string;
  readonly yearMark: string;
  readonly counts: string;
  readonly excellent: string;
  readonly goodAndExcellent: string;
  readonly withTwo: string;
  readonly studentsTotal: string;
  readonly pageSignature: string;
  readonly months: readonly string[];
  readonly periodName: (kind: 'quarter' | 'half_year' | 'year', number: number) => string;
  readonly className: (grade: number, letter: string) => string;
}

const ky: DocumentLabels = {
  pageLabel: '{n}-бет, бардыгы {N}',
  captions: { signature: '(колу)', name: '(аты-жөнү)', date: '(күнү)' },
  seal: 'М.П.',
  school: 'Мектеп',
  klass: 'Класс',
  academicYear: 'Окуу жылы',
  period: 'Мезгил',
  classTeacher: 'Класс жетекчи',
  deputy: 'Директордун окуу иштери боюнча орун басары',
  director: 'Директор',
  subjectTeacher: 'Предметтик мугалим',
  subject: 'Предмет',
  titleCopy: 'Электрондук журналдын кагаз көчүрмөсү',
  classCertification: 'Көчүрмө туура. Класс жетекчи',
  deputyCertification: 'Көчүрмө текшерилди. Директордун орун басары',
  directorSignOff: 'Бекитемин. Директор',
  number: '№',
  student: 'Окуучунун аты-жөнү',
  average: 'Орт.',
  final: 'Жыйын.',
  date: 'Күнү',
  topic: 'Сабактын темасы',
  homework: 'Үй тапшырмасы',
  teacher: 'Мугалим',
  substitution: 'Алмаштыруу',
  substitutionMark: 'алмаш.',
  marks: 'баалар',
  lessons: 'сабактар',
  finals: 'Жыйынтыктоочу баалар',
  finalsTitle: 'Мезгилдин жыйынтыктоочу баалары',
  absences: 'Калтырылган сабактар',
  absencesTitle: 'Окуучулардын калтырган сабактары',
  absencesTotal: 'Бардыгы',
  absenceIll: 'Б (ооруган)',
  absenceExcused: 'У (жүйөлүү)',
  absenceUnexcused: 'Н (жүйөсүз)',
  late: 'Кечиккен',
  left: 'чыкты',
  joined: 'келди',
  subgroup: 'топ',
  noLessons: 'Бул мезгилде сабактар жок.',
  yearSummaryTitle: 'Жыйынтык ведомость',
  yearMark: 'Жыл',
  counts: 'Жыйынтыктар',
  excellent: 'Эң жакшы окугандар (5)',
  goodAndExcellent: '4 жана 5 менен окугандар',
  withTwo: '2 деген баасы барлар',
  studentsTotal: 'Окуучулардын саны',
  pageSignature: 'Мугалим: ______________ / {name} /   Күнү: «____» ____________ 20____',
  months: monthHeadings,
  periodName: (kind, number) =>
    kind === 'quarter' ? `${number}-чейрек` : kind === 'half_year' ? `${number}-жарым жыл` : 'Окуу жылы',
  className: (grade, letter) => `${grade}${letter} класс`,
};

const ru: DocumentLabels = {
  pageLabel: 'Стр. {n} из {N}',
  captions: { signature: '(подпись)', name: '(расшифровка подписи)', date: '(дата)' },
  seal: 'М.П.',
  school: 'Школа',
  klass: 'Класс',
  academicYear: 'Учебный год',
  period: 'Период',
  classTeacher: 'Классный руководитель',
  deputy: 'Заместитель директора по учебной работе',
  director: 'Директор',
  subjectTeacher: 'Учитель-предметник',
  subject: 'Предмет',
  titleCopy: 'Бумажная копия электронного журнала',
  classCertification: 'Копия верна. Классный руководитель',
  deputyCertification: 'Копия проверена. Заместитель директора',
  directorSignOff: 'Утверждаю. Директор',
  number: '№',
  student: 'Фамилия, имя ученика',
  average: 'Ср.',
  final: 'Итог.',
  date: 'Дата',
  topic: 'Тема урока',
  homework: 'Домашнее задание',
  teacher: 'Учитель',
  substitution: 'Замена',
  substitutionMark: 'замена',
  marks: 'отметки',
  lessons: 'уроки',
  finals: 'Итоговые отметки',
  finalsTitle: 'Итоговые отметки за период',
  absences: 'Пропущенные уроки',
  absencesTitle: 'Пропуски уроков учениками',
  absencesTotal: 'Всего',
  absenceIll: 'Б (по болезни)',
  absenceExcused: 'У (уважит.)',
  absenceUnexcused: 'Н (неуважит.)',
  late: 'Опоздания',
  left: 'выбыл',
  joined: 'прибыл',
  subgroup: 'группа',
  noLessons: 'В этом периоде уроков нет.',
  yearSummaryTitle: 'Итоговая ведомость',
  yearMark: 'Год',
  counts: 'Итоги',
  excellent: 'Отличники (только 5)',
  goodAndExcellent: 'На 4 и 5',
  withTwo: 'Имеют 2',
  studentsTotal: 'Учеников',
  pageSignature: 'Учитель: ______________ / {name} /   Дата: «____» ____________ 20____',
  months: monthHeadings,
  periodName: (kind, number) =>
    kind === 'quarter'
      ? `${number}-я четверть`
      : kind === 'half_year'
        ? `${number}-е полугодие`
        : 'Учебный год',
  className: (grade, letter) => `${grade}${letter} класс`,
};

export function documentLabels(language: Language): DocumentLabels {
  return language === 'ru' ? ru : ky;
}
