import type { operationsKy } from './ky';

/** Russian texts of the updates and diagnostics card and of the crash notice. */
export const operationsRu: typeof operationsKy = {
  operations: {
    title: 'Обновления и диагностика',
    version: 'Установленная версия: {{version}}',
    addressHint:
      'Адрес обновлений: https:// сервер школы или папка (флешка), где лежат установщик и latest.yml.',
    source: { https: 'сервер (https)', folder: 'папка', none: 'адрес не задан' },
    lastCheck: 'Последняя проверка: {{at}} ({{source}})',
    neverChecked: 'Обновления ещё не проверялись.',
    result: {
      never: 'Не проверялось',
      checking: 'Проверка…',
      'up-to-date': 'Это последняя версия',
      downloading: 'Загружается версия {{version}}',
      ready: 'Версия {{version}} загружена и проверена: готова к установке',
      error: 'Проверка не удалась',
      'not-installed': 'Обновления работают только в установленной программе',
    },
    check: 'Проверить сейчас',
    install: 'Установить версию {{version}}',
    confirmInstall:
      'Мөөр закроется, установит новую версию и откроется снова. Завершите начатую работу. Продолжить?',
    diagnostics: 'Отправить диагностику',
    diagnosticsHint:
      'Файлы журнала, версии, настройки без секретов и число строк в таблицах сохраняются в один zip-файл. Паролей, токенов и ПИН/ИНН учеников в нём нет.',
    diagnosticsPath: 'Полный путь .zip-файла',
    diagnosticsSaved: 'Диагностика сохранена: {{path}}',
    crashTitle: 'Прошлая работа завершилась сбоем',
    crashText: '{{at}}: {{what}}. Сохраните диагностику и отправьте её IT-специалисту.',
    crashOpenSettings: 'Перейти в настройки',
    crashDismiss: 'Закрыть',
  },
};
