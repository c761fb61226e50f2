/** Kyrgyz texts of the year-end summary sheet card on the close screen (the source of its keys). */
export const summaryKy = {
  summary: {
    title: 'Жыйынтык ведомость',
    hint: 'Жыйынтык ведомость — класстын окуу жылы боюнча бардык окуучулары × бардык предметтери, мезгилдердин жана жылдын баалары. Басылгандан кийин ага директор кол коёт.',
    year: 'Окуу жылы',
    scope: 'Кайсы класстар',
    allClasses: 'Бардык класстар',
    folder: 'Папка (толук жолу)',
    folderHint: 'Файлдар ушул папкага жазылат; папка мурунтан бар болушу керек',
    print: 'Басып чыгаруу',
    printed: 'Басылып чыкты: {{count}} класс',
    none: 'Бул окуу жылы үчүн азырынча эч бир ведомость басылган эмес.',
    directorSignature: 'Директордун колу',
    draftWhenIncomplete: 'Жыйынтыктоочу баалар жетишпеген класстардын ведомостьторун долбоор катары басуу',
    draft: 'Долбоор: кол коюлбайт',
    notSigned: 'Кол коюла элек',
    signed: '{{date}} кол койду: {{name}}',
    signedOn: 'Кол коюлган күн',
    signOff: 'Кол койду',
    signOffAll: 'Баарына кол койду ({{count}})',
    previewTitle: '{{className}} классы: жыйынтык ведомость',
  },
};
