import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../audit/audit-log';
import { MoorError, isMoorError } from '../../errors';
import { apiBase } from '../../mirror/kundoluk/client';
import { fillPath } from '../../mirror/kundoluk/paths';
import {
  aisSignInAddress,
  aisTokensFrom,
  signInWithAis,
  type AisTokens,
} from '../../mirror/kundoluk/sign-in';
import type { Mirror } from '../../db/mirror';
import { getSetting, putSetting } from '../../settings/app-settings';
import type { KundolukService } from '../../../shared/kundoluk-service';
import type { Handler, SignedInContext } from '../handler';
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

function connectedUrl(mirror: Mirror): string {
  const url = getSetting(mirror, 'kundoluk').url;
  if (url === null) {
    throw new MoorError('KUNDOLUK_NOT_SET', "Kundoluk's address is not set: enter it in Settings first.", {
      field: 'url',
    });
  }
  return url;
}

function tokensReturned(returnedTo: string): AisTokens {
  if (URL.parse(returnedTo) === null) {
    throw new MoorError(
      'KUNDOLUK_SIGN_IN',
      'The text pasted is not the address the AIS page returned to (copy it whole from the browser).',
      { field: 'returnedTo' },
    );
  }
  try {
    return aisTokensFrom(returnedTo);
  } catch (error) {
    if (!isMoorError(error)) throw error;
    throw new MoorError(error.code, error.message, { ...error.details, field: 'returnedTo' });
  }
}

/**
 * Keeps Kundoluk's token and the AIS tokens that renew it. The store is written first (it may
 * refuse: no system protection); when the audit's transaction then fails, the previous sign-in
 * is put back.
 */
function keepSignIn(ctx: SignedInContext, token: string, ais: AisTokens, audited: Record<string, unknown>) {
  const { secrets, mirror } = ctx;
  const previous = { token: secrets.get('kundoluk.token'), ais: secrets.get('kundoluk.ais') };
  secrets.set('kundoluk.token', token);
  secrets.set('kundoluk.ais', JSON.stringify(ais));
  try {
    const at = ctx.clock();
    mirror.transaction(() => {
      appendAudit(
        mirror,
        { actor: ctx.actor, action: 'settings.kundolukSignIn', entity: 'app_setting', after: audited },
        at,
      );
    });
  } catch (error) {
    secrets.set('kundoluk.token', previous.token);
    secrets.set('kundoluk.ais', previous.ais);
    throw error;
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
  'kundoluk.aisAddress': {
    access: 'settings.manage',
    run(ctx) {
      const url = connectedUrl(ctx.mirror);
      // The service's start page: the browser shows it with the AIS tokens in its address.
      const returnsTo = new URL('/', apiBase(url)).toString();
      const lang = getSetting(ctx.mirror, 'defaultLanguage');
      return { address: aisSignInAddress(url, returnsTo, randomUUID(), lang), returnsTo };
    },
  },
  'kundoluk.signInAis': {
    access: 'settings.manage',
    async run(ctx, input) {
      const url = connectedUrl(ctx.mirror);
      const tokens = tokensReturned(input.returnedTo);
      const service = getSetting(ctx.mirror, 'kundolukService');
      const answer = await signInWithAis(tokens, { baseUrl: url, path: service.paths.signIn });
      // Only what the school may read back: never a token.
      keepSignIn(ctx, answer.token, tokens, {
        isClassManager: answer.isClassManager,
        schools: answer.schools?.length ?? 0,
      });
      return settingsView(ctx);
    },
  },
} as const satisfies {
  [N in 'settings.updateKundoluk' | 'kundoluk.aisAddress' | 'kundoluk.signInAis']: Handler<N>;
};
