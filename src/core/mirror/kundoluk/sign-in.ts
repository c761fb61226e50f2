import { MoorError } from '../../errors';
import { apiBase, shapeError } from './client';
import { defaultPaths } from './paths';
import { signInSchema, type SignInAnswer } from './schemas';

/**
 * What the AIS page hands back to its redirect address after a teacher signs in (react-kundoluk
 * src/pages/auth/TeacherCallback.tsx: `gb_token`, `ais_token`, `ais_refresh`). The page itself is
 * `gbapi/v2/auth/ais?app&session&lang&redirect` on the service's host (TeacherLogin.tsx).
 */
export interface AisTokens {
  gbToken: string;
  aisToken: string | null;
  aisRefresh: string | null;
}

export interface SignInOptions {
  baseUrl: string;
  path?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** The AIS page's address, for the window that shows it; the redirect receives the tokens. */
export function aisSignInAddress(baseUrl: string, redirect: string, session: string, lang: string): string {
  const url = new URL('/gbapi/v2/auth/ais', apiBase(baseUrl));
  for (const [k, v] of Object.entries({ app: 'moor', session, lang, redirect })) url.searchParams.set(k, v);
  return url.toString();
}

/** Reads the AIS redirect's query into tokens; a redirect without `gb_token` is refused. */
export function aisTokensFrom(redirected: string): AisTokens {
  const query = new URL(redirected).searchParams;
  const gbToken = query.get('gb_token');
  if (gbToken === null || gbToken === '') {
    throw new MoorError(
      'KUNDOLUK_SIGN_IN',
      'The Kundoluk sign-in did not finish: the AIS page sent no token back.',
    );
  }
  return { gbToken, aisToken: query.get('ais_token'), aisRefresh: query.get('ais_refresh') };
}

/**
 * Exchanges the AIS tokens for Kundoluk's own (react-kundoluk src/services/LoginServices.ts
 * `authTeacherUser`: POST `mugalimauth/storetokenmobile/` with the AIS token as bearer, answered
 * `{data: {token, refresh, isClassManager, schools}}`).
 */
export async function signInWithAis(tokens: AisTokens, options: SignInOptions): Promise<SignInAnswer> {
  const url = new URL(options.path ?? defaultPaths('teacher').signIn, apiBase(options.baseUrl));
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens.gbToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      token: tokens.gbToken,
      access: tokens.aisToken ?? '',
      refresh: tokens.aisRefresh ?? '',
      device: 'moor',
      fcm_token: '',
      lang: 'ky',
      error: false,
    }),
    ...(options.signal ? { signal: options.signal } : {}),
  }).catch((error: unknown) => {
    throw new MoorError(
      'KUNDOLUK_UNAVAILABLE',
      `Kundoluk cannot be reached for the sign-in (${(error as Error).message}).`,
    );
  });
  if (response.status === 401) {
    throw new MoorError(
      'KUNDOLUK_TOKEN_EXPIRED',
      'Kundoluk refused the AIS sign-in (HTTP 401): sign in to Kundoluk again.',
    );
  }
  if (response.status !== 200) {
    throw new MoorError('KUNDOLUK_HTTP', `Kundoluk answered ${url.pathname} with HTTP ${response.status}.`, {
      path: url.pathname,
      status: response.status,
    });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw shapeError(url.pathname, undefined);
  }
  const parsed = signInSchema.safeParse(json);
  if (!parsed.success) throw shapeError(url.pathname, parsed.error.issues[0]);
  return parsed.data.data;
}

/**
 * Renews Kundoluk's token by signing in again with the kept AIS tokens, as public clients do on a
 * 401 (kundoluk-plus kundoluk_api.dart `ensureAuthorized`). The renewed token is handed to `keep`.
 */
export function aisRefresher(tokens: AisTokens, options: SignInOptions, keep: (token: string) => void) {
  return async (): Promise<string> => {
    const answer = await signInWithAis(tokens, options);
    keep(answer.token);
    return answer.token;
  };
}
