import type { Handler } from '../handler';
import { updateSchoolDetails } from '../../settings/school';
import { settingsView } from './admin';

/** The school's names and addresses, corrected by the IT person after setup. */
export const schoolHandlers = {
  'settings.updateSchool': {
    access: 'settings.manage',
    run(ctx, input) {
      updateSchoolDetails(ctx.mirror, input.school, ctx.actor, ctx.clock());
      return settingsView(ctx);
    },
  },
} as const satisfies { [N in 'settings.updateSchool']: Handler<N> };
