import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeLesson, FakeMark, FakeQuarter, FakeQuarterMark } from './shapes';

/** What the fake does to the next request, one fault per request, in order. */
export type Fault = (
  | { status: number; retryAfter?: string }
  | { delayMs: number }
  | { malformed: true }
  | { resultCode: number; resultMessage: string }
  | { dropField: string }
) & {
  /** Only a request with this token takes the fault: a late request of an earlier sync cannot. */
  readonly onlyForToken?: string;
};

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  at: number;
  /** When the answer left (after any latency); a client's wait is counted from there. */
  answeredAt?: number;
}

export interface FakeKundoluk {
  /** The API base, e.g. http://127.0.0.1:PORT/api/ */
  readonly url: string;
  readonly requests: FakeRequest[];
  readonly faults: Fault[];
  lessons: FakeLesson[];
  quarters: FakeQuarter[];
  quarterMarks: FakeQuarterMark[];
  /** Tokens the service accepts, and which lessons each sees (a teacher's token sees that teacher's). */
  readonly tokens: Map<string, (lesson: FakeLesson) => boolean>;
  /** The AIS tokens `storetokenmobile` takes, and the access token it hands out for them. */
  readonly aisSessions: Map<string, { token: string; refresh: string; isClassManager: boolean }>;
  /** Student sign-ins whose password must be changed first (answered 410). */
  readonly mustChangePassword: Set<string>;
  /** The service repeats items: when set, every lesson and record is sent twice. */
  duplicate: boolean;
  /** Added to every answer: a school's slow connection. */
  latencyMs: number;
  /** A status to answer a request with instead (a connection that breaks at one point). */
  breaks: ((request: FakeRequest) => number | undefined) | undefined;
  /** Changes a whole answer (the envelope and its `actionResult`) before it is sent: a changed shape. */
  reshape: ((request: FakeRequest, answer: Record<string, unknown>) => unknown) | undefined;
  close(): Promise<void>;
}

const isAbsence = (m: FakeMark) => m.absent || m.absent_type !== null;

/** A lesson as the schedule sends it: no students and no marks. */
function scheduleItem(lesson: FakeLesson): Record<string, unknown> {
  const { students: _students, ...rest } = lesson;
  return rest;
}

/** A lesson as a teacher's term answer sends it: every student, each with the records asked for. */
function termItem(lesson: FakeLesson, absent: boolean, duplicate: boolean): Record<string, unknown> | null {
  const students = lesson.students.map((s) => {
    const marks = s.marks.filter((m) => isAbsence(m) === absent);
    return { ...s, marks: duplicate ? [...marks, ...marks] : marks };
  });
  if (!students.some((s) => s.marks.length > 0)) return null;
  return { ...scheduleItem(lesson), students };
}

/**
 * A local stand-in for Kundoluk's JSON API on 127.0.0.1, built from the shapes public clients
 * show (docs/kundoluk.md), with its faults: 401, 410, 429 with Retry-After, 5xx, slow or cut-off
 * answers, error results and changed shapes.
 */
export async function startFakeKundoluk(token: string): Promise<FakeKundoluk> {
  const state = {
    requests: [] as FakeRequest[],
    faults: [] as Fault[],
    lessons: [] as FakeLesson[],
    quarters: [] as FakeQuarter[],
    quarterMarks: [] as FakeQuarterMark[],
    tokens: new Map<string, (lesson: FakeLesson) => boolean>([[token, () => true]]),
    aisSessions: new Map<string, { token: string; refresh: string; isClassManager: boolean }>(),
    mustChangePassword: new Set<string>(),
    duplicate: false,
    latencyMs: 0,
    breaks: undefined as FakeKundoluk['breaks'],
    reshape: undefined as FakeKundoluk['reshape'],
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const seen: FakeRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: request.headers.authorization,
        at: Date.now(),
      };
      state.requests.push(seen);
      // The fault is taken when the request arrives, so a late answer never takes a later request's fault.
      const token = request.headers.authorization?.replace(/^Bearer /, '');
      const taken = state.faults.findIndex((f) => f.onlyForToken === undefined || f.onlyForToken === token);
      const fault = taken < 0 ? undefined : state.faults.splice(taken, 1)[0];
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        const go = () => {
          if (response.destroyed) return;
          seen.answeredAt = Date.now();
          response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
          response.end(body);
        };
        const delay = state.latencyMs + (fault && 'delayMs' in fault ? fault.delayMs : 0);
        if (delay > 0) setTimeout(go, delay);
        else go();
      };
      const envelope = (actionResult: unknown) => {
        const answer = { resultCode: 0, resultMessage: 'OK', actionResult };
        send(200, JSON.stringify(state.reshape === undefined ? answer : state.reshape(seen, answer)));
      };
      const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const body = Buffer.concat(chunks).toString('utf8');

      if (request.method === 'POST' && url.pathname === '/api/mugalimauth/storetokenmobile/') {
        const session = state.aisSessions.get(bearer);
        if (session === undefined) {
          send(401, JSON.stringify({ resultCode: 401, resultMessage: 'Unauthorized' }));
          return;
        }
        state.tokens.set(session.token, () => true);
        send(
          200,
          JSON.stringify({
            data: {
              token: session.token,
              refresh: session.refresh,
              isClassManager: session.isClassManager,
              schools: [],
            },
          }),
        );
        return;
      }
      if (request.method === 'POST' && url.pathname === '/api/auth/loginStudent') {
        const { username } = JSON.parse(body === '' ? '{}' : body) as { username?: string };
        if (username !== undefined && state.mustChangePassword.has(username)) {
          send(410, JSON.stringify({ resultCode: 410, resultMessage: 'Password change required' }));
          return;
        }
        send(401, JSON.stringify({ resultCode: 401, resultMessage: 'Unauthorized' }));
        return;
      }

      const sees = state.tokens.get(bearer);
      if (sees === undefined) {
        send(401, JSON.stringify({ resultCode: 401, resultMessage: 'Unauthorized', actionResult: null }));
        return;
      }
      const broken = state.breaks?.(seen);
      if (broken !== undefined) {
        send(broken, '{"resultCode":500,"resultMessage":"Internal error"}');
        return;
      }
      if (fault && 'status' in fault) {
        send(
          fault.status,
          '{"resultCode":500,"resultMessage":"Internal error"}',
          fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
        );
        return;
      }
      if (fault && 'malformed' in fault) {
        send(200, '{"resultCode":0,"resultMessage":"OK","actionResult":[{"uid":');
        return;
      }
      if (fault && 'resultCode' in fault) {
        send(
          200,
          JSON.stringify({
            resultCode: fault.resultCode,
            resultMessage: fault.resultMessage,
            actionResult: null,
          }),
        );
        return;
      }
      const visible = state.lessons.filter(sees);
      let items: Record<string, unknown>[];
      const term = /^\/api\/(teacher|student|parent)\/gradebook\/term\/([1-4])$/.exec(url.pathname);
      if (/^\/api\/(teacher|student|parent)\/gradebook\/list$/.test(url.pathname)) {
        const from = url.searchParams.get('start_date') ?? '';
        const to = `${url.searchParams.get('end_date') ?? ''}T99`;
        items = visible.filter((l) => from <= l.lessonDay && l.lessonDay <= to).map(scheduleItem);
      } else if (term) {
        const quarter = state.quarters.find((q) => q.number === Number(term[2]));
        const absent = url.searchParams.get('absent') === '1';
        items = visible
          .filter(
            (l) => quarter !== undefined && quarter.from <= l.lessonDay && l.lessonDay <= `${quarter.to}T99`,
          )
          .map((l) => termItem(l, absent, state.duplicate))
          .filter((l) => l !== null);
      } else if (url.pathname === '/api/student/qmarks/all') {
        envelope(
          state.quarterMarks.length === 0 ? null : [{ teacher: null, quarterMarks: state.quarterMarks }],
        );
        return;
      } else {
        send(404, JSON.stringify({ resultCode: 404, resultMessage: 'Not found', actionResult: null }));
        return;
      }
      if (state.duplicate) items = [...items, ...items];
      if (fault && 'dropField' in fault) {
        items = items.map((item, i) => {
          if (i > 0) return item;
          const { [fault.dropField]: _dropped, ...rest } = item;
          return rest;
        });
      }
      // An empty week is answered with a null result, as react-kundoluk ScheduleServices.ts expects.
      envelope(items.length === 0 ? null : items);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/api/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  });
}
