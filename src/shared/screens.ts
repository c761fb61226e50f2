import type { LanguageCode } from './views';

/**
 * The screens of the main window, in menu order, with the permission that shows each. Shortcuts
 * follow the order (Ctrl+1 … Ctrl+9); the settings take Ctrl+, as in most programs, because Ctrl+0
 * resets the zoom. The native menu lists the same screens under the same names.
 */
export const screens = [
  { id: 'dashboard', permission: 'mirror.read', shortcut: '1' },
  { id: 'close', permission: 'close.read', shortcut: '2' },
  { id: 'journal', permission: 'mirror.read', shortcut: '3' },
  { id: 'reports', permission: 'reports.read', shortcut: '4' },
  { id: 'changes', permission: 'reports.read', shortcut: '5' },
  { id: 'registers', permission: 'registers.read', shortcut: '6' },
  { id: 'sync', permission: 'mirror.sync', shortcut: '7' },
  { id: 'audit', permission: 'audit.read', shortcut: '8' },
  { id: 'users', permission: 'users.manage', shortcut: '9' },
  { id: 'settings', permission: null, shortcut: ',' },
] as const satisfies readonly { id: string; permission: string | null; shortcut: string }[];

export type ScreenId = (typeof screens)[number]['id'];

/** Each screen's name, as the window's navigation and the native menu's "Go" items show it. */
export const screenNames: Readonly<Record<LanguageCode, Readonly<Record<ScreenId, string>>>> = {
  ky: {
    registers: 'Реестрлер',
    sync: 'Маалыматты жаңылоо',
    reports: 'Отчеттор',
    changes: 'Байкалган өзгөртүүлөр',
    dashboard: 'Башкы бет',
    close: 'Чейрек жабуу',
    journal: 'Класс журналы',
    audit: 'Аракеттер журналы',
    users: 'Колдонуучулар',
    settings: 'Жөндөөлөр',
  },
  ru: {
    registers: 'Реестры',
    sync: 'Обновление данных',
    reports: 'Отчёты',
    changes: 'Замеченные изменения',
    dashboard: 'Главная',
    close: 'Закрытие четверти',
    journal: 'Журнал класса',
    audit: 'Журнал действий',
    users: 'Пользователи',
    settings: 'Настройки',
  },
  en: {
    registers: 'Registers',
    sync: 'Sync',
    reports: 'Reports',
    changes: 'Changes seen',
    dashboard: 'Dashboard',
    close: 'Quarter close',
    journal: 'Class journal',
    audit: 'Audit log',
    users: 'Users',
    settings: 'Settings',
  },
};

/** Locking the screen and signing out: buttons of the window and items of the native menu. */
export const sessionWords: Readonly<
  Record<LanguageCode, { readonly lock: string; readonly signOut: string }>
> = {
  ky: { signOut: 'Чыгуу', lock: 'Кулпулоо' },
  ru: { signOut: 'Выйти', lock: 'Заблокировать' },
  en: { signOut: 'Sign out', lock: 'Lock' },
};
