import type { AuditAction, AuditEntity } from '../../../shared/audit-actions';

/** Kyrgyz words of the audit log's screen (the source of the keys). */
export const auditLogKy = {
  auditLog: {
    commandLine: '{{name}} (буйрук сабы)',
    setup: 'Биринчи жолку орнотуу',
    system: 'Мөөр программасы',
    person: '{{name}} ({{role}})',
    unknownAction: 'Башка аракет',
    before: 'Мурун',
    after: 'Кийин',
    stored: 'Сакталган жазуу, программа жазгандай',
    noDetails: 'Кошумча маалымат жок',
    open: 'Толугураак',
    close: 'Жыйноо',
    number: '№{{id}}',
  },
};

export type AuditLogMessages = typeof auditLogKy;

/**
 * The actions' and objects' names, kept outside the translations because their ids hold dots
 * (i18next reads a dot as a level); typed by the ids, so a new action without a name is a compile error.
 */
export const auditNamesKy: AuditNames = {
  actions: {
    'setup.complete': 'Программа орнотулду',
    'user.signIn': 'Кирди',
    'user.signInDelayed': 'Туура эмес сырсөз: кирүү кечиктирилди',
    'user.signOut': 'Чыкты',
    'user.create': 'Колдонуучу кошулду',
    'user.setPassword': 'Сырсөз өзгөртүлдү',
    'user.activate': 'Колдонуучу кайра иштетилди',
    'user.deactivate': 'Колдонуучу өчүрүлдү',
    'staff.position': 'Кызматы белгиленди',
    'class.classTeacher': 'Класс жетекчи белгиленди',
    'class.language': 'Класстын окутуу тили белгиленди',
    'settings.update': 'Жөндөөлөр өзгөртүлдү',
    'settings.school': 'Мектептин маалыматы өзгөртүлдү',
    'settings.quarters': 'Чейректердин даталары өзгөртүлдү',
    'settings.journalRules': 'Журналдын эрежелери өзгөртүлдү',
    'settings.archiveDefaults': 'Сактоо мөөнөттөрү жана сакталган жерлер өзгөртүлдү',
    'settings.kundoluk': 'Күндөлүккө туташуу өзгөртүлдү (дарек, роль, жолдор)',
    'settings.kundolukTokenMoved': 'Күндөлүктүн токени жергиликтүү базадан корголгон сактагычка көчүрүлдү',
    'settings.kundolukSignIn': 'Күндөлүккө АИС аркылуу кирилди (токен корголгон сактагычта)',
    'kundoluk.accountAdd': 'Күндөлүк аккаунту кошулду (ээсинин макулдугу менен)',
    'kundoluk.accountRemove': 'Күндөлүк аккаунту өчүрүлдү',
    'settings.backupPassphrase': 'Резервдик көчүрмөлөрдүн сырсөз айкашы өзгөртүлдү',
    'settings.addSchoolYear': 'Жаңы окуу жылы кошулду',
    'mirror.sync': 'Маалымат жаңыланды',
    'document.print': 'Документ даярдалды',
    'document.directorSign': 'Директор ведомостко кол койду',
    'close.start': 'Чейрек жабуу башталды',
    'close.check': 'Текшерүү жүргүзүлдү',
    'close.confirm': 'Мугалимдин баалары текшерилди',
    'close.override': 'Себеп менен жабылды',
    'close.backup': 'Резервдик көчүрмө катталды',
    'close.print': 'Класстын көчүрмөсү даярдалды',
    'close.reprint': 'Класстын көчүрмөсү кайра даярдалды',
    'close.sign': 'Мугалим кол койду',
    'close.certify': 'Титулдук барак күбөлөндүрүлдү',
    'close.handover': 'Катчыга тапшырылды',
    'close.receive': 'Катчы өзү кабыл алды',
    'close.directorSign': 'Директор кол койду',
    'close.stamp': 'Мөөр басылды',
    'close.formFolder': 'Папка түзүлдү',
    'close.day.complete': 'Күн аяктады',
    'close.day.reopen': 'Күн кайра ачылды',
    'close.supersede': 'Көчүрмө жаңысы менен алмаштырылды',
    'close.complete': 'Чейрек жабуу аяктады',
    'close.cancel': 'Чейрек жабуу жокко чыгарылды',
    'backup.start': 'Резервдик көчүрмө башталды',
    'backup.verified': 'Резервдик көчүрмө текшерилди',
    'backup.failed': 'Резервдик көчүрмө ишке ашкан жок',
    'backup.restore': 'Резервдик көчүрмөдөн калыбына келтирилди',
    'backup.inspect': 'Резервдик көчүрмө ачылып текшерилди',
    'handover.record': 'Тапшыруу журналына жазылды',
    'archive.add': 'Архив реестрине жазылды',
    'archive.update': 'Архив реестриндеги жазуу өзгөртүлдү',
    'archive.folderStitched': 'Папка тигилип, орунга коюлду',
    'network.share': 'Тармакта бөлүшүү башталды',
    'network.stop': 'Тармакта бөлүшүү токтотулду',
    'network.renewCode': 'Жаңы туташуу коду',
    'network.pair': 'Компьютер туташты',
    'network.unpair': 'Компьютер ажыратылды',
    'network.endSession': 'Башка компьютердеги сеанс бүтүрүлдү',
  } satisfies Record<AuditAction, string>,
  entities: {
    school: 'Мектеп',
    academic_year: 'Окуу жылы',
    app_setting: 'Жөндөө',
    app_user: 'Колдонуучу',
    staff: 'Кызматкер',
    class: 'Класс',
    sync_run: 'Жаңылоо',
    document: 'Документ',
    close_run: 'Чейрек жабуу',
    close_day: 'Жабуунун күнү',
    close_item: 'Жабуунун пункту',
    close_class: 'Жабуудагы класс',
    backup_register: 'Резервдик көчүрмөлөрдүн реестри',
    backup_use: 'Резервдик көчүрмөнү колдонуу',
    handover_log: 'Тапшыруу журналы',
    archive_register: 'Архив реестри',
    paired_pc: 'Туташкан компьютер',
  } satisfies Record<AuditEntity, string>,
};

export interface AuditNames {
  readonly actions: Readonly<Record<AuditAction, string>>;
  readonly entities: Readonly<Record<AuditEntity, string>>;
}
