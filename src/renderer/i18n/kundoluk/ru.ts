import type { kundolukKy } from './ky';

/** Russian texts of the Kundoluk card and the sync's progress: the same keys as ky.ts. */
export const kundolukRu: typeof kundolukKy = {
  kundolukService: {
    title: 'Подключение к Күндөлүк',
    hint: 'Если Күндөлүк изменится, ИТ-специалист школы исправляет здесь адрес, роль и пути.',
    url: 'Адрес Күндөлүк',
    role: 'Роль учётной записи',
    roles: { teacher: 'Учитель', student: 'Ученик', parent: 'Родитель' },
    list: 'Список уроков (по неделям)',
    term: 'Оценки и посещаемость за четверть',
    quarterMarks: 'Четвертные оценки (только учётная запись ученика)',
    signIn: 'Вход через АИС',
    noPath: 'Не запрашивается',
    restore: 'Вернуть значения по умолчанию',
    restored: 'Значения по умолчанию подставлены. Чтобы их сохранить, нажмите «Сохранить».',
    saved: 'Подключение к Күндөлүк сохранено.',
  },
  kundolukSync: {
    week: '{{account}}: записана неделя {{week}} из {{weeks}} ({{from}} – {{to}})',
    cut: 'Обновление за {{from}} – {{to}} остановилось после недели {{weeksDone}} из {{weeks}} (записано по {{doneThrough}}).',
    resume: 'Продолжить с недели {{next}}',
  },
};
