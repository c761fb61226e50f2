import type { AuditAction } from '../../../shared/audit-actions';
import type { SharingView } from '../../../shared/network-views';
import { appendAudit } from '../../audit/audit-log';
import { MoorError } from '../../errors';
import type { Handler, SignedInContext } from '../handler';
import type { SharingPort } from '../host';

function port(ctx: SignedInContext): SharingPort {
  if (!ctx.host.sharing)
    throw new MoorError('SHARING_UNAVAILABLE', 'This copy of Мөөр cannot share on the network.');
  return ctx.host.sharing;
}

/** Audits what the admin did to the sharing, after it was done. */
function audited(
  ctx: SignedInContext,
  action: AuditAction,
  view: SharingView,
  entityId: string | null = null,
) {
  ctx.mirror.transaction(() => {
    appendAudit(
      ctx.mirror,
      {
        actor: ctx.actor,
        action,
        entity:
          entityId === null ? 'app_setting' : action === 'network.endSession' ? 'app_user' : 'paired_pc',
        entityId,
        after: { sharing: view.sharing, listen: view.listen },
      },
      ctx.clock(),
    );
  });
  return view;
}

/** The admin's sharing of this Мөөр on the school's network. */
export const sharingHandlers = {
  'sharing.status': {
    access: 'network.share',
    run: (ctx) =>
      ctx.host.sharing?.status() ?? {
        available: false,
        sharing: false,
        url: null,
        listen: '',
        fingerprint: null,
        pairingCode: null,
        sessions: [],
        pcs: [],
      },
  },
  'sharing.start': {
    access: 'network.share',
    async run(ctx, input) {
      return audited(ctx, 'network.share', await port(ctx).start(input.listen));
    },
  },
  'sharing.stop': {
    access: 'network.share',
    async run(ctx) {
      return audited(ctx, 'network.stop', await port(ctx).stop());
    },
  },
  'sharing.renewCode': {
    access: 'network.share',
    run: (ctx) => audited(ctx, 'network.renewCode', port(ctx).renewCode()),
  },
  'sharing.endSession': {
    access: 'network.share',
    run: (ctx, input) =>
      audited(ctx, 'network.endSession', port(ctx).endSession(input.sessionId), input.sessionId),
  },
  'sharing.unpair': {
    access: 'network.share',
    run: (ctx, input) => audited(ctx, 'network.unpair', port(ctx).unpair(input.pcId), input.pcId),
  },
} as const satisfies {
  [
    N in
      | 'sharing.status'
      | 'sharing.start'
      | 'sharing.stop'
      | 'sharing.renewCode'
      | 'sharing.endSession'
      | 'sharing.unpair'
  ]: Handler<N>;
};
