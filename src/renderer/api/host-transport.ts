import type { MoorApi } from '../../shared/api';
import type { ErrorCode } from '../../shared/error-codes';
import { HOST_HEADERS, HOST_PATHS, type ChangeEvent } from '../../shared/host-events';
import type { Result } from '../../shared/result';

/** The PC's key from pairing: kept by the browser for every tab of this host. */
const KEY = 'moor.host.key';
/** The session: each tab signs in on its own. */
const SESSION = 'moor.host.session';
const SESSION_GONE: readonly ErrorCode[] = ['NOT_SIGNED_IN', 'SESSION_OTHER_CLIENT', 'USER_INACTIVE'];
const RECONNECT_MS = 2_000;

/**
 * The window opened from the school's Мөөр on the network (a browser on another PC): the contract
 * over the host's HTTPS, with this PC's key and the tab's session. A request whose answer is lost
 * is sent once more under the same id, and the host answers it as the first time, never twice.
 */
export function hostApi(): MoorApi {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let stream: AbortController | null = null;

  const headers = (): Record<string, string> => {
    const session = sessionStorage.getItem(SESSION);
    return {
      'content-type': 'application/json',
      [HOST_HEADERS.key]: localStorage.getItem(KEY) ?? '',
      ...(session ? { authorization: `Bearer ${session}` } : {}),
    };
  };

  const listen = () => {
    if (stream || listeners.size === 0 || !sessionStorage.getItem(SESSION)) return;
    const controller = new AbortController();
    stream = controller;
    void readEvents(controller.signal, headers(), (event) => {
      for (const listener of listeners) listener(event);
    }).finally(() => {
      if (stream !== controller) return;
      stream = null;
      if (!controller.signal.aborted) setTimeout(listen, RECONNECT_MS);
    });
  };
  const stopListening = () => {
    stream?.abort();
    stream = null;
  };

  return {
    async invoke(name, input) {
      const requestId = crypto.randomUUID();
      let failure = '';
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          const response = await fetch(HOST_PATHS.invoke, {
            method: 'POST',
            headers: { ...headers(), [HOST_HEADERS.request]: requestId },
            body: JSON.stringify({ name, input }),
          });
          const token = response.headers.get(HOST_HEADERS.session);
          if (token) {
            sessionStorage.setItem(SESSION, token);
            listen();
          }
          const result = (await response.json()) as Result<never>;
          if (
            (!result.ok && SESSION_GONE.includes(result.error.code)) ||
            (result.ok && name === 'auth.signOut')
          ) {
            sessionStorage.removeItem(SESSION);
            stopListening();
          }
          if (!result.ok && result.error.code === 'HOST_NOT_PAIRED') localStorage.removeItem(KEY);
          return result;
        } catch (error) {
          failure = String(error);
        }
      }
      return { ok: false, error: { code: 'HOST_UNREACHABLE', message: failure } };
    },
    async pairWithHost(pcName, code) {
      try {
        const response = await fetch(HOST_PATHS.pair, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: pcName, code }),
        });
        const result = (await response.json()) as Result<{ key: string }>;
        if (!result.ok) return result;
        localStorage.setItem(KEY, result.value.key);
        return { ok: true, value: null };
      } catch (error) {
        return { ok: false, error: { code: 'HOST_UNREACHABLE', message: String(error) } };
      }
    },
    onChange(listener) {
      listeners.add(listener);
      listen();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopListening();
      };
    },
  };
}

/** Reads the host's event stream until it ends or is aborted, handing each change on. */
async function readEvents(
  signal: AbortSignal,
  headers: Record<string, string>,
  onChange: (event: ChangeEvent) => void,
): Promise<void> {
  try {
    const response = await fetch(HOST_PATHS.events, { headers, signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const data = /^event: change\ndata: (.*)$/m.exec(buffer.slice(0, end));
        if (data?.[1]) onChange(JSON.parse(data[1]) as ChangeEvent);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  } catch {
    // The host went away or the stream was stopped: the caller connects again while signed in.
  }
}
