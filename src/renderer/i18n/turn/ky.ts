/** Kyrgyz texts of "what waits for you" on the dashboard (the source of its keys). */
export const turnKy = {
  turn: {
    title: 'Сизди күткөн иштер',
    none: 'Азыр сизди күткөн иш жок.',
    open: 'Чейрек жабууга өтүү',
    check_one: '{{count}} мугалимдин баалары текшерүүнү күтөт',
    check_other: '{{count}} мугалимдин баалары текшерүүнү күтөт',
    backup: 'Резервдик көчүрмө жасалышы керек',
    print_one: '{{count}} класстын көчүрмөсү даярдала элек',
    print_other: '{{count}} класстын көчүрмөсү даярдала элек',
    sign_one: '{{count}} мугалим али кол койгон жок',
    sign_other: '{{count}} мугалим али кол койгон жок',
    certify_one: '{{count}} класстын титулдук барагы күбөлөндүрүлө элек',
    certify_other: '{{count}} класстын титулдук барагы күбөлөндүрүлө элек',
    handover_one: 'Көчүрмөлөрдү катчыга тапшыруу керек ({{count}} класс)',
    handover_other: 'Көчүрмөлөрдү катчыга тапшыруу керек ({{count}} класс)',
    receive_one: '{{count}} класстын көчүрмөлөрү сиздин кабыл алууңузду күтөт',
    receive_other: '{{count}} класстын көчүрмөлөрү сиздин кабыл алууңузду күтөт',
    directorSign_one: 'Папка сиздин колуңузду күтөт ({{count}} класс)',
    directorSign_other: 'Папка сиздин колуңузду күтөт ({{count}} класс)',
    stamp: 'Папкага мөөр басыла элек',
    folder: 'Папканы түзүү калды',
  },
};

export type TurnMessages = typeof turnKy;
