import type { Messages } from '../i18n/ky';

/** The screens of the main window, in menu order, with the permission that shows each. */
export const screens = [
  { id: 'dashboard', permission: 'mirror.read', shortcut: '1' },
  { id: 'close', permission: 'close.read', shortcut: '2' },
  { id: 'journal', permission: 'mirror.read', shortcut: '3' },
  { id: 'reports', permission: 'reports.read', shortcut: '7' },
  { id: 'changes', permission: 'reports.read', shortcut: '8' },
  { id: 'registers', permission: 'registers.read', shortcut: '9' },
  { id: 'sync', permission: 'mirror.sync', shortcut: '0' },
  { id: 'audit', permission: 'audit.read', shortcut: '4' },
  { id: 'users', permission: 'users.manage', shortcut: '5' },
  { id: 'settings', permission: null, shortcut: '6' },
] as const satisfies readonly { id: keyof Messages['nav']; permission: string | null; shortcut: string }[];

export type ScreenId = (typeof screens)[number]['id'];
