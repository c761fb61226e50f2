import { z } from 'zod';
import { MoorError } from '../../errors';
import {
  envelopeSchema,
  gradebookLessonSchema,
  quarterMarkSchema,
  type GradebookLesson,
  type QuarterMark,
} from './schemas';

export type KundolukRole = 'teacher' | 'student' | 'parent';

export interface KundolukClientOptions {
  /** e.g. https://kundoluk.edu.gov.kg/api/ */
  baseUrl: string;
  /** The bearer token. It is sent only in the Authorization header and never appears in a message. */
  token: string;
  role?: KundolukRole;
  /** Per request; a request that takes longer is retried. */
  timeoutMs?: number;
  /** Further attempts after a timeout, a network error, HTTP 5xx/429 or a cut-off answer. */
  retries?: number;
  /** The first pause between attempts; it doubles each time. */
  backoffMs?: number;
  /** Cancels everything in flight. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /**
   * Where quarter marks are listed. Public clients show their shape but not a stable address;
   * the default follows the gradebook's pattern and can be changed here.
   */
  quarterMarksPath?: string;
}

const gradebookList = z.array(gradebookLessonSchema);
const quarterMarkList = z.array(quarterMarkSchema);

class Retryable extends Error {}

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

function cancelled(): MoorError {
  return new MoorError(
    'KUNDOLUK_CANCELLED',
    'The sync from Kundoluk was cancelled; the mirror was not changed.',
  );
}

/** Reads Kundoluk's JSON API: timeouts, retries with backoff, cancel, and readable errors. */
export class KundolukClient {
  private readonly base: URL;
  private readonly role: KundolukRole;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: KundolukClientOptions) {
    try {
      this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    } catch {
      throw new MoorError(
        'KUNDOLUK_ADDRESS',
        `"${options.baseUrl}" is not a web address (expected e.g. https://kundoluk.edu.gov.kg/api/).`,
      );
    }
    if (options.token.trim() === '')
      throw new MoorError('KUNDOLUK_TOKEN_MISSING', 'The Kundoluk token is empty.');
    this.role = options.role ?? 'teacher';
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Lessons with their marks and absences between two dates (YYYY-MM-DD, inclusive). */
  gradebook(from: string, to: string): Promise<GradebookLesson[]> {
    return this.get(`${this.role}/gradebook/list`, { start_date: from, end_date: to }, gradebookList);
  }

  /** Quarter (1–4) and year (5) marks given between two dates. */
  quarterMarks(from: string, to: string): Promise<QuarterMark[]> {
    const path = this.options.quarterMarksPath ?? `${this.role}/quarter-marks/list`;
    return this.get(path, { start_date: from, end_date: to }, quarterMarkList);
  }

  private async get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const shown = url.pathname;
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), this.options.signal);
      try {
        return await this.attempt(url, shown, schema);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        lastProblem = error.message;
      }
    }
    throw new MoorError(
      'KUNDOLUK_UNAVAILABLE',
      `Kundoluk did not answer ${shown} after ${this.retries + 1} attempts (${lastProblem}). Try again later; the mirror was not changed.`,
      { path: shown },
    );
  }

  private async attempt<T>(url: URL, shown: string, schema: z.ZodType<T>): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let body: string;
    let status: number;
    try {
      const response = await this.fetch(url, {
        headers: { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' },
        signal,
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      if (this.options.signal?.aborted) throw cancelled();
      if (timeout.aborted) throw new Retryable(`no answer within ${this.timeoutMs / 1000} s`);
      throw new Retryable(`network error: ${(error as Error).message}`);
    }
    if (status === 401) {
      throw new MoorError(
        'KUNDOLUK_TOKEN_EXPIRED',
        'Kundoluk refused the token (HTTP 401): it has expired or is not valid. Sign in to Kundoluk again, save the new token to the token file and repeat the sync.',
      );
    }
    if (status >= 500 || status === 429) throw new Retryable(`HTTP ${status}`);
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
    if (envelope.data.resultCode !== 0) {
      throw new MoorError(
        'KUNDOLUK_RESULT',
        `Kundoluk answered ${shown} with an error: ${envelope.data.resultMessage ?? '(no message)'} (code ${envelope.data.resultCode}).`,
        { path: shown, resultCode: envelope.data.resultCode },
      );
    }
    const result = schema.safeParse(envelope.data.actionResult);
    if (!result.success) throw shapeError(shown, result.error.issues[0], 'actionResult');
    return result.data;
  }
}

function shapeError(shown: string, issue: z.core.$ZodIssue | undefined, prefix?: string): MoorError {
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter((p) => p !== undefined).join('.');
  return new MoorError(
    'KUNDOLUK_SHAPE',
    `Kundoluk's answer to ${shown} is not shaped as expected: field "${field || '(top)'}" ${issue?.message ?? ''}. ` +
      'The service may have changed; the mirror was not changed.',
    { path: shown, field },
  );
}
