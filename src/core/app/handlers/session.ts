import { appendAudit } from '../../audit/audit-log';
import { verifySecret } from '../../auth/password';
import { signIn } from '../../auth/sign-in';
import { actorOf, getUser, setPassword } from '../../auth/users';
import { MoorError } from '../../errors';
import type { AppStatus } from '../../../shared/views';
import type { CallContext, Handler } from '../handler';
import { getSetting } from '../../settings/app-settings';
import { completeSetup } from '../setup';
import { sessionView } from '../user-views';
import { readSchool } from '../../settings/school';

function status(ctx: CallContext): AppStatus {
  const { mirror } = ctx;
  const school = readSchool(mirror);
  const peek = ctx.sessions.peek(ctx.clientId, ctx.clock());
  const user = peek ? getUser(mirror, peek.userId) : null;
  return {
    setupDone: getSetting(mirror, 'setupDone'),
    defaultLanguage: getSetting(mirror, 'defaultLanguage'),
    school: school ? { nameKy: school.name_ky, nameRu: school.name_ru } : null,
    session: user && peek ? sessionView(user, peek.locked) : null,
    idleMinutes: getSetting(mirror, 'idleMinutes'),
  };
}

export const sessionHandlers = {
  'app.status': { access: 'public', run: status },
  'setup.complete': {
    access: 'public',
    async run(ctx, input) {
      const admin = await completeSetup(ctx.mirror, ctx.secrets, input, ctx.clock());
      ctx.sessions.open(ctx.clientId, admin, ctx.clock());
      return sessionView(admin, false);
    },
  },
  'auth.signIn': {
    access: 'public',
    async run(ctx, input) {
      if (!getSetting(ctx.mirror, 'setupDone'))
        throw new MoorError('SETUP_NEEDED', 'Finish the first-run setup.');
      const user = await signIn(ctx.mirror, ctx.signInTallies, {
        ...input,
        clientId: ctx.clientId,
        place: ctx.places.of(ctx.clientId),
        at: ctx.clock(),
      });
      ctx.sessions.open(ctx.clientId, user, ctx.clock());
      return sessionView(user, false);
    },
  },
  'auth.unlock': {
    access: 'public',
    async run(ctx, input) {
      const peek = ctx.sessions.peek(ctx.clientId, ctx.clock());
      if (!peek) throw new MoorError('NOT_SIGNED_IN', 'Sign in first.');
      const user = getUser(ctx.mirror, peek.userId);
      // The same lock-out rules as signing in: unlocking is signing in again as the same person.
      const checked = await signIn(ctx.mirror, ctx.signInTallies, {
        login: user.login,
        password: input.password,
        clientId: ctx.clientId,
        at: ctx.clock(),
      });
      ctx.sessions.unlock(ctx.clientId, ctx.clock());
      return sessionView(checked, false);
    },
  },
  'auth.lock': {
    access: 'public',
    run(ctx) {
      ctx.sessions.lock(ctx.clientId);
      return null;
    },
  },
  'auth.signOut': {
    access: 'public',
    run(ctx) {
      const peek = ctx.sessions.peek(ctx.clientId, ctx.clock());
      if (peek) {
        const at = ctx.clock();
        const actor = actorOf(getUser(ctx.mirror, peek.userId));
        ctx.mirror.transaction(() => {
          appendAudit(
            ctx.mirror,
            { actor, action: 'user.signOut', entity: 'app_user', entityId: peek.userId },
            at,
          );
        });
      }
      ctx.sessions.close(ctx.clientId);
      return null;
    },
  },
  'auth.changePassword': {
    access: 'signedIn',
    async run(ctx, input) {
      const current = getUser(ctx.mirror, ctx.user.id);
      if (!(await verifySecret(input.current, current.passwordHash))) {
        throw new MoorError('WRONG_CREDENTIALS', 'The current password is wrong.', { field: 'current' });
      }
      await setPassword(ctx.mirror, ctx.actor, ctx.user.id, input.next, ctx.clock());
      return null;
    },
  },
} as const satisfies {
  [
    N in
      | 'app.status'
      | 'setup.complete'
      | 'auth.signIn'
      | 'auth.unlock'
      | 'auth.lock'
      | 'auth.signOut'
      | 'auth.changePassword'
  ]: Handler<N>;
};
