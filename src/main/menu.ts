import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { screenNames, screens, sessionWords } from '../shared/screens';
import { MENU_CHANNEL } from '../shared/api';

/** Words of the native menu that no screen of the window has. */
const MENU_WORDS = {
  ky: { file: 'Файл', go: 'Өтүү', view: 'Көрүнүш', quit: 'Программаны жабуу' },
  ru: { file: 'Файл', go: 'Переход', view: 'Вид', quit: 'Закрыть программу' },
  en: { file: 'File', go: 'Go', view: 'View', quit: 'Quit' },
} as const;

export type MenuLanguage = keyof typeof MENU_WORDS;

/**
 * The menu follows the app's default language (the window's own screens follow the user's
 * choice); its "Go" items are the window's screens, named as the window names them.
 */
export function menuTemplate(
  language: MenuLanguage,
  send: (item: string) => void,
): MenuItemConstructorOptions[] {
  const words = MENU_WORDS[language];
  const names = screenNames[language];
  const session = sessionWords[language];
  const item = (id: string, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => {
      send(id);
    },
  });
  return [
    {
      label: words.file,
      submenu: [
        item('lock', session.lock, 'CmdOrCtrl+L'),
        item('signOut', session.signOut, 'CmdOrCtrl+Shift+Q'),
        { type: 'separator' },
        { role: 'quit', label: words.quit },
      ],
    },
    {
      label: words.go,
      submenu: screens.map((screen) => item(screen.id, names[screen.id], `CmdOrCtrl+${screen.shortcut}`)),
    },
    {
      label: words.view,
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
