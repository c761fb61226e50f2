import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/core/auth/actor';
import { may } from '../../src/core/auth/permissions';
import { usualArchiveDefaults } from '../../src/core/settings/archive-default-values';
import { defaultCheckRules } from '../../src/core/settings/journal-rule-defaults';
import { defaultMarkDeadlines } from '../../src/core/settings/journal-rule-defaults';
import { handlers } from '../../src/core/app/handlers';
import { commandNames, type CommandName, type InputOf } from '../../src/shared/contract';
import { setUpApp, SETUP, type AppFixture } from './fixture';

let app: AppFixture;
beforeAll(async () => {
  app = await setUpApp();
});
afterAll(async () => {
  await app.close();
});

/** One valid input per command; the type makes a new command without a sample a compile error. */
function samples(f: AppFixture): { [N in CommandName]: InputOf<N> } {
  return {
    'app.status': {},
    'setup.complete': SETUP,
    'auth.signIn': { login: 'nobody', password: 'x' },
    'auth.unlock': { password: 'x' },
    'auth.lock': {},
    'auth.signOut': {},
    'auth.changePassword': { current: 'wrong-current', next: 'new-password-1' },
    'dashboard.summary': {},
    'journal.classes': {},
    'journal.grid': { classId: 1, subjectId: 1, periodId: null },
    'audit.list': { limit: 5, beforeId: null, search: '', actions: [], entities: [] },
    'audit.verify': {},
    'users.list': {},
    'users.create': {
      login: `u${String(Math.random()).slice(2, 10)}`,
      fullName: 'Жаңы Колдонуучу',
      role: 'deputy',
      password: 'password-1',
    },
    'users.setActive': { userId: f.users.director.id, active: true },
    'users.resetPassword': { userId: f.users.director.id, password: 'director-password' },
    'settings.get': {},
    'settings.update': {
      defaultLanguage: 'ky',
      documentLanguage: 'ky',
      idleMinutes: 10,
      updateUrl: null,
      kundoluk: { mode: 'later', url: null, login: null },
    },
    'close.overview': {},
    'close.start': { periodId: 1 },
    'close.board': { closeId: 999 },
    'close.check': { closeId: 999 },
    'close.confirm': { closeId: 999, teacherId: 1, classId: 1, subjectId: 1 },
    'close.override': { closeId: 999, day: 1, reason: 'Мугалим ооруп калды, текшерүүнү орун басар жүргүздү' },
    'close.cancel': { closeId: 999, reason: 'Жабуу башка чейрек үчүн жаңылыш башталды' },
    'close.print': { closeId: 999, classIds: null },
    'close.printSignatures': { closeId: 999, language: 'ky', teacherId: null, outstandingOnly: true },
    'close.backup': { closeId: 999, targetDir: '/nonexistent', passphrase: 'x', mediumLabel: '' },
    'close.sign': { closeId: 999, classId: 1, teacherId: 1, subjectId: 1 },
    'close.certify': { closeId: 999, classId: 1 },
    'close.handover': { closeId: 999, secretaryId: 1 },
    'close.receive': { closeId: 999, secretaryId: 1 },
    'close.directorSign': { closeId: 999 },
    'close.stamp': { closeId: 999 },
    'close.complete': { closeId: 999 },
    'documents.pdf': { documentId: 'no-such-document' },
    'documents.printable': { pdfPath: '/no/such/copy.pdf' },
    'documents.check': { code: 'Q9-2025-8А-ky-00000000' },
    'summary.sheets': { academicYearId: null },
    'summary.print': {
      academicYearId: 999,
      classIds: null,
      language: 'ky',
      folder: '/nonexistent',
      draftWhenIncomplete: false,
    },
    'summary.file': { documentIds: ['no-such-sheet'] },
    'summary.signOff': { documentIds: ['no-such-document'], signedOn: '2026-05-30' },
    'reports.catalog': {},
    'reports.run': { name: 'achievement', params: { period: '1' } },
    'reports.export': {
      name: 'achievement',
      params: { period: '1' },
      format: 'xlsx',
      language: 'ky',
      destination: { kind: 'folder', folder: '/nonexistent' },
    },
    'changes.list': { classId: null, kinds: [], since: null, limit: 10 },
    'registers.archive': {
      search: '',
      year: null,
      periodId: null,
      classId: null,
      status: 'all',
      receivedFrom: null,
      receivedTo: null,
    },
    'registers.updateArchive': { id: 999, folderNumber: '1' },
    'registers.stitchFolder': { academicYearId: 1, folderNumber: '99', storagePlace: '1-шкаф' },
    'registers.backups': { year: null },
    'registers.handovers': { from: null, to: null, search: '' },
    'registers.inventory': { periodId: 1 },
    'registers.export': {
      kind: 'archive',
      year: null,
      archive: null,
      language: null,
      outPath: '/nonexistent/archive.pdf',
    },
    'registers.exportInventory': { periodId: 1, language: null, outPath: '/nonexistent/inventory.pdf' },
    'sync.runs': { limit: 5 },
    'sync.workbook': { path: '/nonexistent/8А-1.xlsx', className: null, quarter: null },
    'sync.bundle': { path: '/nonexistent/bundle.json' },
    'sync.kundoluk': { from: '2025-10-02', to: '2025-10-01' },
    'sync.kundolukCut': {},
    'sync.coverage': {},
    'kundoluk.accounts': {},
    'kundoluk.addAccount': { accountName: 'Мугалим', accountToken: 'x', consent: true },
    'kundoluk.removeAccount': { accountId: 999 },
    'kundoluk.aisAddress': {},
    'kundoluk.signInAis': { returnedTo: 'https://kundoluk.edu.gov.kg/?gb_token=x' },
    'restore.verify': { backupDir: '/nonexistent', passphrase: 'x' },
    'restore.run': { backupDir: '/nonexistent', passphrase: 'x', reason: 'Диск бузулду' },
    'settings.years': {},
    'settings.updateQuarters': { academicYearId: 1, quarters: SETUP.quarters },
    'settings.addSchoolYear': {
      year: { label: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-05-31' },
      quarters: SETUP.quarters,
    },
    'settings.updateSchool': { school: SETUP.school },
    'settings.changeBackupPassphrase': { current: 'wrong', next: 'another long passphrase' },
    'settings.updateKundoluk': {
      url: 'https://kundoluk.edu.gov.kg/api/',
      service: {
        role: 'teacher',
        paths: {
          list: '{role}/gradebook/list',
          term: '{role}/gradebook/term/{term}',
          quarterMarks: null,
          signIn: 'x/',
        },
      },
    },
    'settings.updateJournalRules': {
      markDeadlines: defaultMarkDeadlines,
      checkRules: defaultCheckRules,
    },
    'settings.updateArchiveDefaults': { archiveDefaults: usualArchiveDefaults },
    'staff.list': { academicYearId: null },
    'staff.setPosition': { staffId: 999, position: 'secretary' },
    'staff.setClassTeacher': { classId: 999, teacherId: null },
    'staff.setClassLanguage': { classId: 999, language: 'ru' },
    'diagnostics.status': {},
    'diagnostics.dismissCrash': {},
    'diagnostics.save': { path: '/nonexistent/diagnostics.zip' },
    'diagnostics.reportRendererError': { message: 'TypeError: x is undefined', stack: null, source: null },
    'updates.status': {},
    'updates.check': {},
    'updates.install': {},
    'sharing.status': {},
    'sharing.start': { listen: '127.0.0.1:0' },
    'sharing.stop': {},
    'sharing.renewCode': {},
    'sharing.endSession': { sessionId: 'no-such-session' },
    'sharing.unpair': { pcId: 'no-such-pc' },
    'jobs.get': { jobId: 'no-such-job' },
    'jobs.cancel': { jobId: 'no-such-job' },
  };
}

describe('every command against the role matrix, enforced in the core', () => {
  it('has a handler and an access rule for every contract command', () => {
    expect(Object.keys(handlers).sort()).toEqual([...commandNames].sort());
  });

  for (const role of roles) {
    it(`${role}: allowed exactly where the matrix allows`, async () => {
      const input = samples(app);
      for (const name of commandNames) {
        const clientId = `${role}:${name}`;
        app.service.context.sessions.open(clientId, app.users[role], app.clock());
        const result = await app.service.invoke(clientId, name, input[name]);
        const access = handlers[name].access;
        const forbidden = !result.ok && result.error.code === 'FORBIDDEN';
        const expected = access !== 'public' && access !== 'signedIn' && !may(role, access);
        expect({ name, role, forbidden }).toEqual({ name, role, forbidden: expected });
        app.service.forget(clientId);
      }
    });
  }

  it('refuses every non-public command without a session', async () => {
    const input = samples(app);
    for (const name of commandNames) {
      if (handlers[name].access === 'public') continue;
      const result = await app.service.invoke('stranger', name, input[name]);
      expect({ name, code: result.ok ? 'ok' : result.error.code }).toEqual({ name, code: 'NOT_SIGNED_IN' });
    }
  });
});
