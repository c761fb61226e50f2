import { appendAudit } from '../../audit/audit-log';
import { MoorError } from '../../errors';
import { putSetting, getSetting } from '../../settings/app-settings';
import { accountTokenName } from '../../secrets/secret-store';
import type { KundolukAccountView } from '../../../shared/kundoluk-accounts';
import type { Handler, SignedInContext } from '../handler';
import { schoolKundolukAccounts } from '../kundoluk-accounts';

function accountsView(ctx: SignedInContext): KundolukAccountView[] {
  return schoolKundolukAccounts(ctx.mirror, (name) => ctx.secrets.get(name) !== null).map((a) => ({
    id: a.id,
    name: a.name,
    consentBy: a.consentBy,
    consentAt: a.consentAt,
  }));
}

/**
 * The deputies add the accounts that cover the school (each class teacher's, or teachers'), with
 * their owners' consent; the token goes to the secret store, the mirror keeps the name and consent.
 */
export const kundolukAccountHandlers = {
  'kundoluk.accounts': { access: 'mirror.sync', run: (ctx) => accountsView(ctx) },
  'kundoluk.addAccount': {
    access: 'mirror.sync',
    run(ctx, input) {
      const { mirror } = ctx;
      const taken = accountsView(ctx).some(
        (a) => a.name.toLocaleLowerCase() === input.accountName.toLocaleLowerCase(),
      );
      if (taken) {
        throw new MoorError(
          'KUNDOLUK_ACCOUNT_TWICE',
          `A Kundoluk account named "${input.accountName}" is already added.`,
          { field: 'accountName' },
        );
      }
      const kept = getSetting(mirror, 'kundolukAccounts');
      const at = ctx.clock();
      const account = {
        id: Math.max(0, ...kept.map((a) => a.id)) + 1,
        name: input.accountName,
        consentBy: ctx.actor.name,
        consentAt: at.toISOString(),
      };
      // The token first: a store that cannot keep it leaves nothing behind in the mirror.
      ctx.secrets.set(accountTokenName(account.id), input.accountToken);
      try {
        mirror.transaction(() => {
          putSetting(mirror, 'kundolukAccounts', [...kept, account], at);
          appendAudit(
            mirror,
            { actor: ctx.actor, action: 'kundoluk.accountAdd', entity: 'app_setting', after: account },
            at,
          );
        });
      } catch (error) {
        ctx.secrets.set(accountTokenName(account.id), null);
        throw error;
      }
      return accountsView(ctx);
    },
  },
  'kundoluk.removeAccount': {
    access: 'mirror.sync',
    run(ctx, input) {
      const { mirror } = ctx;
      const kept = getSetting(mirror, 'kundolukAccounts');
      const account = kept.find((a) => a.id === input.accountId);
      if (account === undefined) {
        throw new MoorError('KUNDOLUK_ACCOUNT_UNKNOWN', `No Kundoluk account ${input.accountId} is added.`, {
          field: 'accountId',
        });
      }
      const at = ctx.clock();
      mirror.transaction(() => {
        putSetting(
          mirror,
          'kundolukAccounts',
          kept.filter((a) => a.id !== account.id),
          at,
        );
        appendAudit(
          mirror,
          { actor: ctx.actor, action: 'kundoluk.accountRemove', entity: 'app_setting', before: account },
          at,
        );
      });
      ctx.secrets.set(accountTokenName(account.id), null);
      return accountsView(ctx);
    },
  },
} as const satisfies {
  [N in 'kundoluk.accounts' | 'kundoluk.addAccount' | 'kundoluk.removeAccount']: Handler<N>;
};
