import { appendAudit } from '../../audit/audit-log';
import { MoorError, isMoorError } from '../../errors';
import { apiBase } from '../../mirror/kundoluk/client';
import { fillPath } from '../../mirror/kundoluk/paths';
import { getSetting, putSetting } from '../../settings/app-settings';
import type { KundolukService } from '../../../shared/kundoluk-service';
import type { Handler } from '../handler';
import { settingsView } from './admin';

/** Each path is checked as the sync will fill it, so a mistyped one is refused here, naming its field. */
function checkPaths(service: KundolukService): void {
  for (const [name, template] of Object.entries(service.paths)) {
    if (template === null) continue;
    try {
      fillPath(template, service.role, 1);
    } catch (error) {
      if (!isMoorError(error)) throw error;
      throw new MoorError(error.code, error.message, { ...error.details, field: `service.paths.${name}` });
    }
  }
}

/** The administrator corrects Kundoluk's address, the account's role and its paths when the service changes. */
export const kundolukSettingsHandlers = {
  'settings.updateKundoluk': {
    access: 'settings.manage',
    run(ctx, input) {
      const { mirror } = ctx;
      try {
        apiBase(input.url);
      } catch (error) {
        if (!isMoorError(error)) throw error;
        throw new MoorError(error.code, error.message, { field: 'url' });
      }
      checkPaths(input.service);
      const at = ctx.clock();
      mirror.transaction(() => {
        const connection = getSetting(mirror, 'kundoluk');
        const before = { url: connection.url, service: getSetting(mirror, 'kundolukService') };
        putSetting(mirror, 'kundoluk', { ...connection, url: input.url }, at);
        putSetting(mirror, 'kundolukService', input.service, at);
        appendAudit(
          mirror,
          { actor: ctx.actor, action: 'settings.kundoluk', entity: 'app_setting', before, after: input },
          at,
        );
      });
      return settingsView(ctx);
    },
  },
} as const satisfies { [N in 'settings.updateKundoluk']: Handler<N> };
