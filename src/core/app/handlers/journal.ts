import type { Handler } from '../handler';
import { dashboardSummary } from '../read/dashboard';
import { journalClasses, journalGrid } from '../read/journal';

export const journalHandlers = {
  'dashboard.summary': {
    access: 'mirror.read',
    run: async (ctx) => ({
      ...dashboardSummary(ctx.mirror, ctx.clock()),
      cleanedAtStart: await ctx.cleanedAtStart,
    }),
  },
  'journal.classes': { access: 'mirror.read', run: (ctx) => journalClasses(ctx.mirror) },
  'journal.grid': { access: 'mirror.read', run: (ctx, input) => journalGrid(ctx.mirror, input) },
} as const satisfies { [N in 'dashboard.summary' | 'journal.classes' | 'journal.grid']: Handler<N> };
