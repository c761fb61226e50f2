import os from 'node:os';
import path from 'node:path';

/** The folder Electron names app.getPath('userData') for Мөөр, so the command line logs beside the app. */
export function userDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const name = 'Мөөр';
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}

/** Where the log is written: `MOOR_LOG_DIR` when set, otherwise `logs` in the user-data folder. */
export function defaultLogDir(env = process.env): string {
  const given = env.MOOR_LOG_DIR;
  return given !== undefined && given !== '' ? given : path.join(userDataDir(process.platform, env), 'logs');
}
