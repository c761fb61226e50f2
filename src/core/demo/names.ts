import type { Language } from '../db/schema';
import type { SeededRandom } from './random';

/** Common Kyrgyz and Russian names, as a school's class lists show them. */
const kyrgyzSurnameStems = [
  'Асан',
  'Токтогул',
  'Жумабек',
  'Садык',
  'Абдыкадыр',
  'Мамыт',
  'Осмон',
  'Турдубай',
  'Бакы',
  'Эсенгул',
  'Алыбай',
  'Кадыр',
  'Сыдык',
  'Үсөн',
  'Өмүрбек',
  'Төлөгөн',
  'Бөкөнбай',
  'Нияз',
  'Шамшы',
  'Карабай',
  'Жээнбек',
  'Сатыбалды',
  'Мырзакул',
  'Ташиев',
  'Аманбай',
  'Бейшен',
  'Дүйшөн',
  'Кеңеш',
  'Чынгыз',
  'Эргеш',
];
const kyrgyzMale = [
  'Айбек',
  'Нурлан',
  'Эрлан',
  'Бакыт',
  'Азамат',
  'Тилек',
  'Эмир',
  'Нурсултан',
  'Бектур',
  'Адилет',
  'Улан',
  'Жанболот',
  'Мирлан',
  'Данияр',
  'Төлөн',
  'Өмүр',
  'Нурбек',
  'Темирлан',
  'Бекзат',
  'Каныбек',
  'Үсөн',
  'Жаңыбай',
  'Эльдар',
  'Арсен',
  'Мээрбек',
];
const kyrgyzFemale = [
  'Айгерим',
  'Айпери',
  'Нургүл',
  'Жибек',
  'Асель',
  'Бегимай',
  'Айзада',
  'Мээрим',
  'Гүлзат',
  'Элнура',
  'Айдана',
  'Нуриза',
  'Чолпон',
  'Жаңыл',
  'Үмүт',
  'Айкөкүл',
  'Күмүшай',
  'Назгүл',
  'Сезим',
  'Айсулуу',
  'Төрөкан',
  'Өмүркан',
  'Каныкей',
  'Алтынай',
  'Бүбүсара',
];
const russianSurnames = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Захаров',
  'Зайцев',
];
const russianUnchangedSurnames = ['Ким', 'Пак', 'Цой', 'Ли', 'Шевчук', 'Бондаренко', 'Ткаченко'];
const russianMale = [
  'Александр',
  'Дмитрий',
  'Максим',
  'Артём',
  'Иван',
  'Никита',
  'Михаил',
  'Даниил',
  'Егор',
  'Андрей',
  'Кирилл',
  'Илья',
  'Сергей',
  'Роман',
  'Владислав',
  'Тимур',
  'Руслан',
  'Денис',
];
const russianFemale = [
  'Анастасия',
  'Мария',
  'Дарья',
  'Анна',
  'Виктория',
  'Полина',
  'Елизавета',
  'Екатерина',
  'Ксения',
  'Алина',
  'Валерия',
  'Софья',
  'Милана',
  'Диана',
  'Ольга',
  'Татьяна',
  'Арина',
  'Вероника',
];

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string;
}

function kyrgyzSurname(stem: string, female: boolean): string {
  // Турдубай → Турдубаев, Осмон → Осмонов, Бакы → Бакыев.
  if (stem.endsWith('й')) return `${stem.slice(0, -1)}ев${female ? 'а' : ''}`;
  const base = /[аеёиоуыэюяөү]$/i.test(stem) || stem.endsWith('ев') ? stem : `${stem}ов`;
  if (base.endsWith('ев') || base.endsWith('ов')) return female ? `${base}а` : base;
  return female ? `${base}ева` : `${base}ев`;
}

/** Fathers' names whose patronymic follows the regular -ович / -евич pattern. */
const russianFathers = russianMale.filter((name) => !/[ая]$/.test(name));

function russianPatronymic(father: string, female: boolean): string {
  if (father.endsWith('й')) {
    const stem = father.slice(0, -1);
    return female ? `${stem}евна` : `${stem}евич`;
  }
  return female ? `${father}овна` : `${father}ович`;
}

/** A realistic full name for a child or adult of a Kyrgyz- or Russian-language class. */
export function personName(random: SeededRandom, language: Language): PersonName {
  const female = random.chance(0.5);
  if (language === 'ky' || random.chance(0.25)) {
    const father = random.pick(kyrgyzMale);
    return {
      lastName: kyrgyzSurname(random.pick(kyrgyzSurnameStems), female),
      firstName: random.pick(female ? kyrgyzFemale : kyrgyzMale),
      middleName: `${father} ${female ? 'кызы' : 'уулу'}`,
    };
  }
  const surname = random.chance(0.2) ? random.pick(russianUnchangedSurnames) : random.pick(russianSurnames);
  const changes = russianSurnames.includes(surname);
  return {
    lastName: changes && female ? `${surname}а` : surname,
    firstName: random.pick(female ? russianFemale : russianMale),
    middleName: russianPatronymic(random.pick(russianFathers), female),
  };
}
