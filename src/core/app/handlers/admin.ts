import { createUser, listUsers, setPassword, setUserActive } from '../../auth/users';
import { appendAudit } from '../../audit/audit-log';
import type { ParsedInputOf } from '../../../shared/contract';
import type { SettingsView } from '../../../shared/views';
import type { AppContext, Handler } from '../handler';
import { getSetting, putSetting } from '../../settings/app-settings';
import type { SecretStore } from '../../secrets/secret-store';
import { DEFAULT_KUNDOLUK_URL, defaultPaths } from '../../mirror/kundoluk/paths';
import { listAudit } from '../read/audit';
import { readSchool, readSchoolDetails, setSchoolLanguage } from '../../settings/school';
import { userView } from '../user-views';
import { defaultCheckRules } from '../../settings/journal-rule-defaults';
import { defaultMarkDeadlines } from '../../settings/journal-rule-defaults';
import { parseUpdateSource } from '../../updates/update-source';
import { usualArchiveDefaults } from '../../settings/archive-default-values';

export function settingsView(ctx: AppContext): SettingsView {
  const { mirror } = ctx;
  const school = readSchool(mirror);
  return {
    school: readSchoolDetails(mirror),
    defaultLanguage: getSetting(mirror, 'defaultLanguage'),
    documentLanguage: school?.document_language ?? 'ky',
    idleMinutes: getSetting(mirror, 'idleMinutes'),
    updateUrl: getSetting(mirror, 'updateUrl'),
    kundoluk: getSetting(mirror, 'kundoluk'),
    backupPassphraseSet: getSetting(mirror, 'backupPassphraseVerifier') !== null,
    kundolukTokenSet: ctx.secrets.get('kundoluk.token') !== null,
    kundolukService: getSetting(mirror, 'kundolukService'),
    kundolukDefaults: {
      url: DEFAULT_KUNDOLUK_URL,
      service: { role: 'teacher', paths: defaultPaths('teacher') },
    },
    journalRules: {
      markDeadlines: getSetting(mirror, 'markDeadlines'),
      checkRules: getSetting(mirror, 'checkRules'),
    },
    regulationJournalRules: { markDeadlines: defaultMarkDeadlines, checkRules: defaultCheckRules },
    archiveDefaults: getSetting(mirror, 'archiveDefaults'),
    usualArchiveDefaults,
  };
}

/** The token is a secret: the audit log says only that it was replaced or removed. */
function auditedSettings(input: ParsedInputOf<'settings.update'>) {
  const { kundolukToken, ...shown } = input;
  if (kundolukToken === undefined) return shown;
  return { ...shown, kundolukToken: kundolukToken === null ? 'removed' : 'replaced' };
}

/**
 * A pasted token replaces the kept sign-in whole: the AIS tokens renewed the previous one and
 * would bring it back. The store is written first (it may refuse: no system protection); when
 * the settings' transaction then fails, the previous sign-in is put back.
 */
function replaceKundolukToken(secrets: SecretStore, token: string | null, write: () => void): void {
  const previous = { token: secrets.get('kundoluk.token'), ais: secrets.get('kundoluk.ais') };
  secrets.set('kundoluk.token', token);
  secrets.set('kundoluk.ais', null);
  try {
    write();
  } catch (error) {
    secrets.set('kundoluk.token', previous.token);
    secrets.set('kundoluk.ais', previous.ais);
    throw error;
  }
}

export const adminHandlers = {
  'users.list': { access: 'users.manage', run: (ctx) => listUsers(ctx.mirror).map(userView) },
  'users.create': {
    access: 'users.manage',
    run: async (ctx, input) => userView(await createUser(ctx.mirror, ctx.actor, input, ctx.clock())),
  },
  'users.setActive': {
    access: 'users.manage',
    run(ctx, input) {
      const user = setUserActive(ctx.mirror, ctx.actor, input.userId, input.active, ctx.clock());
      if (!input.active) ctx.sessions.endAllOf(user.id);
      return userView(user);
    },
  },
  'users.resetPassword': {
    access: 'users.manage',
    run: async (ctx, input) =>
      userView(await setPassword(ctx.mirror, ctx.actor, input.userId, input.password, ctx.clock())),
  },
  'settings.get': { access: 'signedIn', run: settingsView },
  'settings.update': {
    access: 'settings.manage',
    run(ctx, input) {
      const { mirror } = ctx;
      const at = ctx.clock();
      if (input.updateUrl !== null) parseUpdateSource(input.updateUrl);
      // The school's names and the journal rules have their own commands and audit entries.
      const {
        school: _school,
        journalRules: _rules,
        regulationJournalRules: _regulation,
        kundolukService: _service,
        kundolukDefaults: _defaults,
        archiveDefaults: _archive,
        usualArchiveDefaults: _usual,
        ...before
      } = settingsView(ctx);
      const write = () => {
        mirror.transaction(() => {
          putSetting(mirror, 'defaultLanguage', input.defaultLanguage, at);
          putSetting(mirror, 'idleMinutes', input.idleMinutes, at);
          putSetting(mirror, 'updateUrl', input.updateUrl, at);
          putSetting(mirror, 'kundoluk', input.kundoluk, at);
          setSchoolLanguage(mirror, input.documentLanguage);
          appendAudit(
            mirror,
            {
              actor: ctx.actor,
              action: 'settings.update',
              entity: 'app_setting',
              before,
              after: auditedSettings(input),
            },
            at,
          );
        });
      };
      if (input.kundolukToken === undefined) write();
      else replaceKundolukToken(ctx.secrets, input.kundolukToken, write);
      return settingsView(ctx);
    },
  },
  'audit.list': { access: 'audit.read', run: (ctx, input) => listAudit(ctx.mirror, input) },
  'audit.verify': { access: 'audit.read', run: (ctx) => ctx.jobs.start('audit.verify', null, ctx.actor) },
  'jobs.get': { access: 'signedIn', run: (ctx, input) => ctx.jobs.get(input.jobId, ctx.actor) },
  'jobs.cancel': { access: 'signedIn', run: (ctx, input) => ctx.jobs.cancel(input.jobId, ctx.actor) },
} as const satisfies {
  [
    N in
      | 'users.list'
      | 'users.create'
      | 'users.setActive'
      | 'users.resetPassword'
      | 'settings.get'
      | 'settings.update'
      | 'audit.list'
      | 'audit.verify'
      | 'jobs.get'
      | 'jobs.cancel'
  ]: Handler<N>;
};
