import type { summaryKy } from './ky';

/** Russian texts of the year-end summary sheet card. */
export const summaryRu: typeof summaryKy = {
  summary: {
    title: 'Итоговая ведомость',
    hint: 'Итоговая ведомость каждого класса за учебный год: все ученики × все предметы, отметки за периоды и за год. После печати её подписывает директор.',
    year: 'Учебный год',
    scope: 'Какие классы',
    allClasses: 'Все классы',
    folder: 'Папка (полный путь)',
    folderHint: 'Ведомости будут записаны в эту папку; папка должна уже существовать',
    print: 'Напечатать ведомости',
    printed: 'PDF готов: ведомостей классов — {{count}}',
    none: 'За этот учебный год ведомости ещё не печатались.',
    directorSignature: 'Подпись директора',
    draftWhenIncomplete: 'Ведомости классов, где не хватает итоговых отметок, напечатать как черновики',
    draft: 'Черновик: не подписывается',
    notSigned: 'Не подписана',
    signed: 'Подписана {{date}}: {{name}}',
    signedOn: 'Дата подписи',
    signOff: 'Подписана',
    signOffAll: 'Подписаны все ({{count}})',
    file: 'Принята в архив мной',
    filed: 'В архиве',
    previewTitle: 'Класс {{className}}: итоговая ведомость',
  },
};
