import { appendAudit } from '../../audit/audit-log';
import type { Handler } from '../handler';
import { getSetting, putSetting } from '../../settings/app-settings';
import { settingsView } from './admin';

/**
 * The journal rules (when a mark is late, how far a final may be from the marks, which grades go
 * by half-year): the sync, the day-1 checks and the reports read them from the next run on.
 */
export const journalRulesHandlers = {
  'settings.updateJournalRules': {
    access: 'settings.manage',
    run(ctx, input) {
      const { mirror } = ctx;
      const at = ctx.clock();
      mirror.transaction(() => {
        const before = {
          markDeadlines: getSetting(mirror, 'markDeadlines'),
          checkRules: getSetting(mirror, 'checkRules'),
        };
        putSetting(mirror, 'markDeadlines', input.markDeadlines, at);
        putSetting(mirror, 'checkRules', input.checkRules, at);
        appendAudit(
          mirror,
          {
            actor: ctx.actor,
            action: 'settings.journalRules',
            entity: 'app_setting',
            before,
            after: input,
          },
          at,
        );
      });
      return settingsView(ctx);
    },
  },
} as const satisfies { [N in 'settings.updateJournalRules']: Handler<N> };
