import type { Messages } from '../i18n/ky';

/**
 * The screens of the main window, in menu order, with the permission that shows each. Shortcuts
 * follow the order (Ctrl+1 … Ctrl+9); the settings take Ctrl+, as in most programs, because Ctrl+0
 * resets the zoom.
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
] as const satisfies readonly { id: keyof Messages['nav']; permission: string | null; shortcut: string }[];

export type ScreenId = (typeof screens)[number]['id'];
