/** Kyrgyz texts of the Kundoluk card in the settings and the sync's progress (the source of their keys). */
export const kundolukKy = {
  kundolukService: {
    title: 'Күндөлүккө туташуу',
    hint: 'Күндөлүк өзгөрсө, мектептин ИТ адиси даректи, ролду жана жолдорду ушул жерден оңдойт.',
    url: 'Күндөлүктүн дареги',
    role: 'Аккаунттун ролу',
    roles: { teacher: 'Мугалим', student: 'Окуучу', parent: 'Ата-эне' },
    list: 'Сабактардын тизмеси (жума боюнча)',
    term: 'Чейректин баалары жана катышуу',
    quarterMarks: 'Чейректик баалар (окуучунун аккаунту гана)',
    signIn: 'АИС аркылуу кирүү',
    noPath: 'Суралбайт',
    restore: 'Демейки маанилерди кайтаруу',
    restored: 'Демейки маанилер коюлду. Сактоо үчүн «Сактоо» баскычын басыңыз.',
    saved: 'Күндөлүккө туташуу сакталды.',
  },
  kundolukSync: {
    week: '{{account}}: {{weeks}} жуманын {{week}}-жумасы жазылды ({{from}} – {{to}})',
    cut: '{{from}} – {{to}} аралыгындагы жаңылоо {{weeks}} жуманын {{weeksDone}}-жумасынан кийин токтоп калган ({{doneThrough}} чейин жазылган).',
    resume: '{{next}}-жумадан улантуу',
  },
};
