import { z } from 'zod';
import { MoorError } from '../../errors';
import { Limiter } from './limiter';
import { defaultPaths, fillPath, type KundolukPaths, type KundolukRole } from './paths';
import {
  envelopeSchema,
  lessonSchema,
  quarterMarksResultSchema,
  type KundolukLesson,
  type QuarterMark,
} from './schemas';

export type { KundolukRole } from './paths';

/** Every raw answer, for the recording mode; the query never holds a secret. */
export type AnswerListener = (answer: {
  path: string;
  query: Record<string, string>;
  status: number;
  body: string;
}) => void;

export interface KundolukClientOptions {
  /** e.g. https://kundoluk.edu.gov.kg/api/ */
  baseUrl: string;
  /** The bearer token. It is sent only in the Authorization header and never appears in a message. */
  token: string;
  /**
   * Gets a fresh token when the service refuses the current one (HTTP 401). Tried once per
   * refusal; a second refusal asks the person to sign in again.
   */
  refresh?: () => Promise<string>;
  role?: KundolukRole;
  paths?: Partial<KundolukPaths>;
  /** Per request; a request that takes longer is retried. */
  timeoutMs?: number;
  /** Further attempts after a timeout, a network error, HTTP 5xx/429 or a cut-off answer. */
  retries?: number;
  /** The first pause between attempts; it doubles each time. */
  backoffMs?: number;
  /** Requests in flight at once: a school's connection is slow and the service is shared. */
  maxInFlight?: number;
  /** The longest `Retry-After` honoured; a longer one is refused as the service being unavailable. */
  maxRetryAfterMs?: number;
  /** Cancels everything in flight. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  onAnswer?: AnswerListener;
}

const lessonList = z.array(lessonSchema);
const quarterMarksResults = z.array(quarterMarksResultSchema);

class Retryable extends Error {
  constructor(
    message: string,
    readonly waitMs?: number,
  ) {
    super(message);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelled(): MoorError {
  return new MoorError(
    'KUNDOLUK_CANCELLED',
    'The sync from Kundoluk was cancelled; what was written before stays, the rest was not changed.',
  );
}

/** `Retry-After` as seconds or as an HTTP date (RFC 9110 10.2.3). */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface ClientStats {
  requests: number;
  bytes: number;
}

/** Reads Kundoluk's JSON API: timeouts, retries, `Retry-After`, two in flight, one refresh on 401. */
export class KundolukClient {
  readonly role: KundolukRole;
  readonly stats: ClientStats = { requests: 0, bytes: 0 };
  private readonly base: URL;
  private readonly paths: KundolukPaths;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly limiter: Limiter;
  private readonly fetch: typeof fetch;
  private token: string;
  private refreshing: Promise<string> | undefined;

  constructor(private readonly options: KundolukClientOptions) {
    this.base = apiBase(options.baseUrl);
    if (options.token.trim() === '')
      throw new MoorError('KUNDOLUK_TOKEN_MISSING', 'The Kundoluk token is empty.');
    this.token = options.token.trim();
    this.role = options.role ?? 'teacher';
    this.paths = { ...defaultPaths(this.role), ...options.paths };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.limiter = new Limiter(options.maxInFlight ?? 2);
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** The schedule between two dates (YYYY-MM-DD, inclusive): lessons with topic and homework. */
  lessons(from: string, to: string): Promise<KundolukLesson[]> {
    const path = fillPath(this.paths.list, this.role);
    return this.get(path, { start_date: from, end_date: to }, lessonList).then((l) => l ?? []);
  }

  /** A quarter's lessons that carry marks (`absent` false) or absences (true), this school year only. */
  term(term: number, absent: boolean): Promise<KundolukLesson[]> {
    const path = fillPath(this.paths.term, this.role, term);
    return this.get(path, { absent: absent ? '1' : '0', with_marks: '1' }, lessonList).then((l) => l ?? []);
  }

  /** Whether this role has a quarter-marks address set. */
  get hasQuarterMarks(): boolean {
    return this.paths.quarterMarks !== null;
  }

  /** Every quarter and year mark of the school year, flattened from `[{teacher, quarterMarks}]`. */
  async quarterMarks(): Promise<QuarterMark[]> {
    if (this.paths.quarterMarks === null) return [];
    const path = fillPath(this.paths.quarterMarks, this.role);
    const results = (await this.get(path, {}, quarterMarksResults)) ?? [];
    return results.flatMap((r) => r.quarterMarks);
  }

  private async get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T | null> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const shown = url.pathname;
    let lastProblem = '';
    let refreshed = false;
    for (let attempt = 0; attempt <= this.retries;) {
      try {
        return await this.limiter.run(() => this.attempt(url, shown, query, schema));
      } catch (error) {
        if (error instanceof Unauthorized) {
          // Another request renewed the token meanwhile: ask again with the new one.
          if (error.token !== this.token) continue;
          if (refreshed || this.options.refresh === undefined) throw signInAgain(refreshed);
          refreshed = true;
          await this.refreshToken();
          continue;
        }
        if (!(error instanceof Retryable)) throw error;
        lastProblem = error.message;
        attempt++;
        if (attempt > this.retries) break;
        if (error.waitMs !== undefined && error.waitMs > this.maxRetryAfterMs) break;
        await sleep(error.waitMs ?? this.backoffMs * 2 ** (attempt - 1), this.options.signal);
      }
    }
    throw new MoorError(
      'KUNDOLUK_UNAVAILABLE',
      `Kundoluk did not answer ${shown} after ${this.retries + 1} attempts (${lastProblem}). Try again later; the sync can be resumed.`,
      { path: shown },
    );
  }

  /** Concurrent refusals share one refresh. */
  private async refreshToken(): Promise<void> {
    const refresh = this.options.refresh;
    if (refresh === undefined) return;
    this.refreshing ??= refresh().finally(() => {
      this.refreshing = undefined;
    });
    this.token = await this.refreshing;
  }

  private async attempt<T>(
    url: URL,
    shown: string,
    query: Record<string, string>,
    schema: z.ZodType<T>,
  ): Promise<T | null> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let body: string;
    let response: Response;
    const token = this.token;
    try {
      this.stats.requests++;
      response = await this.fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal,
      });
      body = await response.text();
      this.stats.bytes += Buffer.byteLength(body);
    } catch (error) {
      if (this.options.signal?.aborted) throw cancelled();
      if (timeout.aborted) throw new Retryable(`no answer within ${this.timeoutMs / 1000} s`);
      throw new Retryable(`network error: ${(error as Error).message}`);
    }
    const status = response.status;
    this.options.onAnswer?.({ path: shown, query, status, body });
    if (status === 401) throw new Unauthorized(token);
    if (status === 429) {
      throw new Retryable('HTTP 429', retryAfterMs(response.headers.get('retry-after'), Date.now()));
    }
    if (status >= 500) throw new Retryable(`HTTP ${status}`);
    if (status !== 200) {
      throw new MoorError('KUNDOLUK_HTTP', `Kundoluk answered ${shown} with HTTP ${status}.`, {
        path: shown,
        status,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new Retryable('the answer was not complete JSON');
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) throw shapeError(shown, envelope.error.issues[0]);
    const code = envelope.data.resultCode ?? 0;
    if (code !== 0) {
      throw new MoorError(
        'KUNDOLUK_RESULT',
        `Kundoluk answered ${shown} with an error: ${envelope.data.resultMessage ?? '(no message)'} (code ${code}).`,
        { path: shown, resultCode: code },
      );
    }
    if (envelope.data.actionResult == null) return null;
    const result = schema.safeParse(envelope.data.actionResult);
    if (!result.success) throw shapeError(shown, result.error.issues[0], 'actionResult');
    return result.data;
  }
}

class Unauthorized extends Error {
  constructor(readonly token: string) {
    super('HTTP 401');
  }
}

function signInAgain(afterRefresh: boolean): MoorError {
  return new MoorError(
    'KUNDOLUK_TOKEN_EXPIRED',
    afterRefresh
      ? 'Kundoluk refused the token again after renewing it (HTTP 401): sign in to Kundoluk again.'
      : 'Kundoluk refused the token (HTTP 401): it has expired or is not valid. Sign in to Kundoluk again, or save a new token, and repeat the sync.',
  );
}

export function apiBase(baseUrl: string): URL {
  try {
    const url = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
    return url;
  } catch {
    throw new MoorError(
      'KUNDOLUK_ADDRESS',
      `"${baseUrl}" is not a web address (expected e.g. https://kundoluk.edu.gov.kg/api/).`,
    );
  }
}

export function shapeError(shown: string, issue: z.core.$ZodIssue | undefined, prefix?: string): MoorError {
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter((p) => p !== undefined).join('.');
  return new MoorError(
    'KUNDOLUK_SHAPE',
    `Kundoluk's answer to ${shown} is not shaped as expected: field "${field || '(top)'}" ${issue?.message ?? ''}. ` +
      'The service may have changed; the mirror was not changed.',
    { path: shown, field },
  );
}
