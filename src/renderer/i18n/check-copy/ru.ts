import type { checkCopyKy } from './ky';

/** Russian texts of the paper-page check. */
export const checkCopyRu: typeof checkCopyKy = {
  checkCopy: {
    title: 'Проверка бумажной страницы по архиву',
    label: 'Код на странице',
    hint: 'Введите код под нижней линией страницы (можно с номером страницы) или отсканируйте её QR-код',
    check: 'Проверить',
    page: 'Стр. {{page}} из {{pages}}',
    pages: 'Всего {{pages}} стр.',
    kinds: {
      class_copy: 'Бумажная копия электронного журнала',
      year_summary: 'Итоговая ведомость',
      register: 'Реестр',
    },
    klass: '{{name}} класс',
    edition: { ky: 'на кыргызском языке', ru: 'на русском языке' },
    status: {
      current: 'Действующая копия',
      superseded: 'Заменена копией {{by}}',
      supersededChain: 'Заменена копией {{by}}; действующая сейчас — {{current}}',
      voided: 'Недействительна: закрытие периода, для которого она напечатана, отменено',
    },
    printed: 'Напечатана: {{at}}; данные журнала по состоянию на {{asOf}}',
    printedNoSync: 'Напечатана: {{at}}',
    changes: 'После печати в журнале изменено записей: {{count}}',
    noChanges: 'После печати журнал не менялся',
    archive: 'Реестр архива: № {{number}}/{{year}}',
    folder: 'папка № {{folder}}',
    noFolder: 'без папки',
    stitched: 'прошита',
    notStitched: 'не прошита',
    place: 'место хранения: {{place}}',
    until: 'хранить до {{until}}',
    notFiled: 'В реестр архива ещё не внесена',
  },
};
