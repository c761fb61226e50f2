import type { operationsErrorsKy, operationsKy } from './ky';

/** English texts of the updates and diagnostics card and of the crash notice. */
export const operationsEn: typeof operationsKy = {
  operations: {
    title: 'Updates and diagnostics',
    version: 'Installed version: {{version}}',
    addressHint:
      'Update address: the school’s https:// server, or a folder (a USB drive) holding the installer and latest.yml.',
    source: { https: 'server (https)', folder: 'folder', none: 'no address set' },
    lastCheck: 'Last check: {{at}} ({{source}})',
    neverChecked: 'Updates have not been checked yet.',
    result: {
      never: 'Not checked',
      checking: 'Checking…',
      'up-to-date': 'This is the latest version',
      downloading: 'Version {{version}} is downloading',
      ready: 'Version {{version}} is downloaded and verified: ready to install',
      error: 'The check failed',
      'not-installed': 'Updates work only in the installed app',
    },
    check: 'Check now',
    install: 'Install version {{version}}',
    confirmInstall:
      'Мөөр will close, install the new version and open again. Finish the work under way first. Go ahead?',
    diagnostics: 'Send diagnostics',
    diagnosticsHint:
      'The log files, the versions, the settings without secrets and the row counts of the tables are saved in one zip file. It holds no passwords, tokens or pupils’ PIN/INN.',
    diagnosticsPath: 'Full path of the zip file',
    diagnosticsSaved: 'Diagnostics saved: {{path}}',
    crashTitle: 'The last run ended in a crash',
    crashText: '{{at}}: {{what}}. Save the diagnostics and send them to the IT person.',
    crashOpenSettings: 'Go to the settings',
    crashDismiss: 'Dismiss',
  },
};

export const operationsErrorsEn: typeof operationsErrorsKy = {
  UPDATE_SOURCE_INVALID:
    'The update address is not accepted: only an address starting with https:// or the full path of a folder.',
  UPDATE_NO_SOURCE: 'No update address is set.',
  UPDATE_FOLDER_MISSING: 'There is no such update folder (is the USB drive plugged in?).',
  UPDATE_MANIFEST_MISSING: 'The folder holds no latest.yml beside the installer.',
  UPDATE_MANIFEST_INVALID: 'The latest.yml file is damaged or wrong.',
  UPDATE_FILE_MISSING: 'The installer that latest.yml names is not in the folder.',
  UPDATE_CHECKSUM_MISMATCH:
    'The installer is not the file latest.yml describes (its sha512 differs): copy the update again.',
  UPDATE_NOT_READY: 'There is no verified update to install: check for updates first.',
  UPDATE_FAILED: 'The update check failed.',
  DIAGNOSTICS_PATH: 'Give the full path of a .zip file for the diagnostics.',
};
