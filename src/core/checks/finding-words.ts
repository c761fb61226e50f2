import type { Language } from '../db/schema';
import type { CheckRuleId } from './finding';

/** The check list's words in the school's document languages. */
export interface ChecklistWords {
  title: string;
  teacher: string;
  nothingFound: string;
  findings: (count: number) => string;
  columns: { number: string; what: string; who: string; date: string; value: string; against: string };
  lesson: string;
  marks: (count: string) => string;
  average: (reference: string) => string;
  entered: (at: string, deadline: string) => string;
  changedOn: (at: string) => string;
  removedSeen: (at: string) => string;
  taughtBy: (name: string) => string;
  checked: string;
  deputy: string;
  rules: Record<CheckRuleId, string>;
}

const ky: ChecklistWords = {
  title: 'Жыйынтыктоочу бааларды текшерүү барагы',
  teacher: 'Мугалим',
  nothingFound: 'Эч нерсе табылган жок.',
  findings: (count) => `табылганы: ${count}`,
  columns: {
    number: '№',
    what: 'Эмне табылды',
    who: 'Окуучу / сабак',
    date: 'Күнү',
    value: 'Баа',
    against: 'Салыштыруу',
  },
  lesson: 'сабак',
  marks: (count) => `${count} баа`,
  average: (reference) => `орточо баа ${reference}`,
  entered: (at, deadline) => `киргизилген ${at}, мөөнөтү ${deadline}`,
  changedOn: (at) => `оңдолгон ${at}`,
  removedSeen: (at) => `өчүрүлгөнү байкалган ${at}`,
  taughtBy: (name) => `өткөргөн: ${name}`,
  checked: 'Текширдим, мугалим',
  deputy: 'Директордун орун басары',
  rules: {
    missing_final: 'Жыйынтыктоочу баа коюлган эмес',
    few_marks: 'Утурумдук баа жок же бирөө гана',
    final_far_from_average: 'Жыйынтыктоочу баа орточо баадан алыс',
    late_mark: 'Баа мөөнөтүнөн кеч коюлган',
    corrected_mark: 'Баа кийин оңдолгон',
    removed_mark: 'Баа кийин өчүрүлгөн',
    lesson_without_topic: 'Сабактын темасы жазылган эмес',
    lesson_without_homework: 'Үй тапшырмасы жазылган эмес',
    unrecorded_substitution: 'Алмаштыруу белгиленген эмес',
  },
};

const ru: ChecklistWords = {
  title: 'Лист проверки итоговых отметок',
  teacher: 'Учитель',
  nothingFound: 'Замечаний нет.',
  findings: (count) => `замечаний: ${count}`,
  columns: {
    number: '№',
    what: 'Замечание',
    who: 'Ученик / урок',
    date: 'Дата',
    value: 'Отметка',
    against: 'Сравнение',
  },
  lesson: 'урок',
  marks: (count) => `отметок: ${count}`,
  average: (reference) => `средний балл ${reference}`,
  entered: (at, deadline) => `внесена ${at}, срок ${deadline}`,
  changedOn: (at) => `исправлена ${at}`,
  removedSeen: (at) => `удаление замечено ${at}`,
  taughtBy: (name) => `провёл(а): ${name}`,
  checked: 'Проверил(а), учитель',
  deputy: 'Заместитель директора',
  rules: {
    missing_final: 'Не выставлена итоговая отметка',
    few_marks: 'Нет текущих отметок или только одна',
    final_far_from_average: 'Итоговая отметка далека от среднего балла',
    late_mark: 'Отметка выставлена позже срока',
    corrected_mark: 'Отметка исправлена задним числом',
    removed_mark: 'Отметка удалена задним числом',
    lesson_without_topic: 'Не записана тема урока',
    lesson_without_homework: 'Не записано домашнее задание',
    unrecorded_substitution: 'Замена не отмечена',
  },
};

export function checklistWords(language: Language): ChecklistWords {
  return language === 'ru' ? ru : ky;
}
