import type { MoorApi } from '../../shared/api';
import type { CommandName, InputOf, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { ErrorCode } from '../../shared/error-codes';
import { hostApi } from './host-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser mode. */
    readonly moor?: MoorApi;
  }
}

const TOKEN_KEY = 'moor.token';

/**
 * The browser mode's transport: the launch token arrives in the address's fragment once and is
 * kept for this tab only; each tab is its own client (its own sign-in).
 */
function httpApi(): MoorApi {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let clientId = sessionStorage.getItem('moor.client');
  if (!clientId) {
    clientId = crypto.randomUUID();
    sessionStorage.setItem('moor.client', clientId);
  }
  const client = clientId;
  return {
    async invoke(name, input) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-moor-client': client,
          },
          body: JSON.stringify({ name, input }),
        });
        return (await response.json()) as never;
      } catch (error) {
        return { ok: false, error: { code: 'NETWORK', message: String(error) } };
      }
    },
  };
}

/** The desktop app's IPC; a window opened from the school's Мөөр over HTTPS; or the development mode. */
export const api: MoorApi = window.moor ?? (location.protocol === 'https:' ? hostApi() : httpApi());

/** Calls a command and throws its error, for code that shows errors in one place. */
export async function call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result: Result<OutputOf<N>> = await api.invoke(name, input);
  if (!result.ok) {
    if (SESSION_LOST.includes(result.error.code)) window.dispatchEvent(new Event(SESSION_EVENT));
    throw new CommandError(result.error.code, result.error.message, result.error.details);
  }
  return result.value;
}

const SESSION_EVENT = 'moor:session-changed';
const SESSION_LOST: readonly ErrorCode[] = [
  'SESSION_LOCKED',
  'NOT_SIGNED_IN',
  'USER_INACTIVE',
  'SESSION_OTHER_CLIENT',
];

/** When any command finds the session locked or gone, the app re-reads its status and shows the lock. */
export function onSessionLost(listener: () => void): () => void {
  window.addEventListener(SESSION_EVENT, listener);
  return () => {
    window.removeEventListener(SESSION_EVENT, listener);
  };
}

export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
