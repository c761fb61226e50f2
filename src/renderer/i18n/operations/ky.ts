/** Kyrgyz texts of the updates and diagnostics card and of the crash notice. */
export const operationsKy = {
  operations: {
    title: 'Жаңыртуулар жана диагностика',
    version: 'Орнотулган версия: {{version}}',
    addressHint:
      'Жаңыртуулар дареги: мектептин https:// сервери же орнотуучу файл менен latest.yml жаткан папка (флешка).',
    source: { https: 'сервер (https)', folder: 'папка', none: 'дарек коюлган эмес' },
    lastCheck: 'Акыркы текшерүү: {{at}} ({{source}})',
    neverChecked: 'Жаңыртуулар али текшерилген жок.',
    result: {
      never: 'Текшерилген жок',
      checking: 'Текшерилүүдө…',
      'up-to-date': 'Бул акыркы версия',
      downloading: '{{version}} версиясы жүктөлүүдө',
      ready: '{{version}} версиясы жүктөлүп, текшерилди: орнотууга даяр',
      error: 'Текшерүү ийгиликсиз болду',
      'not-installed': 'Жаңыртуулар орнотулган программада гана иштейт',
    },
    check: 'Азыр текшерүү',
    install: '{{version}} версиясын орнотуу',
    confirmInstall:
      'Мөөр жабылат, жаңы версия орнотулат жана программа кайра ачылат. Башталган иштерди аяктаңыз. Улантасызбы?',
    diagnostics: 'Диагностиканы жөнөтүү',
    diagnosticsHint:
      'Журнал файлдары, версиялар, купуя маалыматсыз жөндөөлөр жана таблицалардагы саптардын саны бир zip файлга сакталат. Сырсөздөр, токендер жана окуучулардын ПИН/ИНН номерлери анда жок.',
    diagnosticsPath: '.zip файлдын толук жолу',
    diagnosticsSaved: 'Диагностика сакталды: {{path}}',
    crashTitle: 'Мурунку иш бузулуу менен аяктады',
    crashText: '{{at}}: {{what}}. Диагностиканы сактап, IT адиске жөнөтүңүз.',
    crashOpenSettings: 'Жөндөөлөргө өтүү',
    crashDismiss: 'Жабуу',
  },
};
