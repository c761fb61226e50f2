import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from '../shared/api';

/** Menu labels follow the app's default language; the window's own screens follow the user's choice. */
const LABELS = {
  ky: {
    file: 'Файл',
    go: 'Өтүү',
    view: 'Көрүнүш',
    dashboard: 'Башкы бет',
    journal: 'Класс журналы',
    audit: 'Аракеттер журналы',
    users: 'Колдонуучулар',
    settings: 'Жөндөөлөр',
    lock: 'Кулпулоо',
    signOut: 'Чыгуу',
    quit: 'Программаны жабуу',
  },
  ru: {
    file: 'Файл',
    go: 'Переход',
    view: 'Вид',
    dashboard: 'Главная',
    journal: 'Журнал класса',
    audit: 'Журнал действий',
    users: 'Пользователи',
    settings: 'Настройки',
    lock: 'Заблокировать',
    signOut: 'Выйти',
    quit: 'Закрыть программу',
  },
  en: {
    file: 'File',
    go: 'Go',
    view: 'View',
    dashboard: 'Dashboard',
    journal: 'Class journal',
    audit: 'Audit log',
    users: 'Users',
    settings: 'Settings',
    lock: 'Lock',
    signOut: 'Sign out',
    quit: 'Quit',
  },
} as const;

export type MenuLanguage = keyof typeof LABELS;

export function menuTemplate(
  language: MenuLanguage,
  send: (item: string) => void,
): MenuItemConstructorOptions[] {
  const l = LABELS[language];
  const go = (id: keyof typeof l, accelerator: string): MenuItemConstructorOptions => ({
    label: l[id],
    accelerator,
    click: () => {
      send(id);
    },
  });
  return [
    {
      label: l.file,
      submenu: [
        go('lock', 'CmdOrCtrl+L'),
        go('signOut', 'CmdOrCtrl+Shift+Q'),
        { type: 'separator' },
        { role: 'quit', label: l.quit },
      ],
    },
    {
      label: l.go,
      submenu: [
        go('dashboard', 'CmdOrCtrl+1'),
        go('journal', 'CmdOrCtrl+2'),
        go('audit', 'CmdOrCtrl+3'),
        go('users', 'CmdOrCtrl+4'),
        go('settings', 'CmdOrCtrl+5'),
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}

export function installMenu(window: BrowserWindow, language: MenuLanguage): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(language, (item) => {
        window.webContents.send(MENU_CHANNEL, item);
      }),
    ),
  );
}
