import type { networkKy } from './ky';

/** Russian texts of the school's network: pairing a PC, sharing from the settings. */
export const networkRu: typeof networkKy = {
  network: {
    pair: {
      title: 'Подключение к Мөөр школы',
      text: 'Введите имя этого компьютера и код подключения, показанный на главном компьютере (Настройки → Сеть).',
      pcName: 'Имя этого компьютера',
      pcNameHint: 'С этим именем записывается каждое действие, например «ПК секретаря».',
      code: 'Код подключения',
      submit: 'Подключиться',
    },
    sharing: {
      title: 'Доступ по сети',
      text: 'Этот компьютер открывает Мөөр школы в сети: другие компьютеры и браузеры подключаются к нему и работают под своими учётными записями.',
      off: 'Доступ по сети выключен.',
      on: 'Доступ открыт: {{url}}',
      listen: 'Адрес и порт',
      listenHint: '0.0.0.0:8443 — во всех сетях этого компьютера.',
      start: 'Открыть доступ',
      stop: 'Закрыть доступ сейчас',
      fingerprint: 'Отпечаток сертификата (SHA-256)',
      code: 'Код подключения',
      renewCode: 'Новый код',
      sessions: 'Сейчас в системе',
      noSessions: 'Никто не вошёл.',
      session: '{{place}}, {{address}}, с {{since}}',
      endSession: 'Завершить сеанс',
      clients: 'Подключённые компьютеры',
      unpair: 'Отключить',
    },
    fromPlace: 'с компьютера {{place}}',
  },
};
