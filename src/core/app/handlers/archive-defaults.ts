import type { Handler } from '../handler';
import { saveArchiveDefaults } from '../../settings/archive-defaults';
import { settingsView } from './admin';

/** The retention periods and storage places of the school's nomenclature of affairs. */
export const archiveDefaultsHandlers = {
  'settings.updateArchiveDefaults': {
    access: 'settings.manage',
    run(ctx, input) {
      saveArchiveDefaults(ctx.mirror, input.archiveDefaults, ctx.actor, ctx.clock());
      return settingsView(ctx);
    },
  },
} as const satisfies { [N in 'settings.updateArchiveDefaults']: Handler<N> };
