import { writeDiagnostics } from '../../diagnostics/diagnostics-zip';
import { log } from '../../log/log';
import type { DiagnosticsStatusView } from '../../../shared/operations-views';
import type { AppContext, Handler } from '../handler';

function diagnosticsStatus(ctx: AppContext): DiagnosticsStatusView {
  return { lastCrash: ctx.host.lastCrash };
}

/** The app's own health and its updates: what the IT person sees in the settings. */
export const operationsHandlers = {
  'diagnostics.status': { access: 'signedIn', run: diagnosticsStatus },
  'diagnostics.dismissCrash': {
    access: 'signedIn',
    run(ctx) {
      if (ctx.host.lastCrash) log.info('the crash notice was dismissed', { by: ctx.actor.role });
      ctx.host.lastCrash = null;
      return diagnosticsStatus(ctx);
    },
  },
  'diagnostics.save': {
    access: 'settings.manage',
    run(ctx, input) {
      const saved = writeDiagnostics(input.path, {
        mirror: ctx.mirror,
        logDir: ctx.host.logDir,
        crashDumpsDir: ctx.host.crashDumpsDir,
        versions: ctx.host.versions,
        extra: { updates: ctx.host.updates.status(), lastCrash: ctx.host.lastCrash },
        at: ctx.clock(),
      });
      log.info('diagnostics saved', { bytes: saved.bytes });
      return { path: input.path, ...saved };
    },
  },
  /** The window's uncaught errors, with their stack: the window cannot write the log itself. */
  'diagnostics.reportRendererError': {
    access: 'public',
    run(_ctx, input) {
      log.error(`window error: ${input.message}`, undefined, { stack: input.stack, source: input.source });
      return null;
    },
  },
  'updates.status': { access: 'settings.manage', run: (ctx) => ctx.host.updates.status() },
  'updates.check': {
    access: 'settings.manage',
    run: (ctx) => ctx.host.updates.check(),
  },
  'updates.install': {
    access: 'settings.manage',
    run(ctx) {
      log.info('update install confirmed', { by: ctx.actor.name });
      return ctx.host.updates.install();
    },
  },
} as const satisfies {
  [
    N in
      | 'diagnostics.status'
      | 'diagnostics.dismissCrash'
      | 'diagnostics.save'
      | 'diagnostics.reportRendererError'
      | 'updates.status'
      | 'updates.check'
      | 'updates.install'
  ]: Handler<N>;
};
