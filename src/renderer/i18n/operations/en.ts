import type { operationsKy } from './ky';

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
