import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeLesson, FakeQuarterMark } from './from-mirror';

/** What the fake does to the next request, one fault per request, in order. */
export type Fault =
  | { status: number }
  | { delayMs: number }
  | { malformed: true }
  | { resultCode: number; resultMessage: string }
  | { dropField: string };

export interface FakeKundoluk {
  /** The API base, e.g. http://127.0.0.1:PORT/api/ */
  readonly url: string;
  readonly requests: { path: string; authorization: string | undefined }[];
  readonly faults: Fault[];
  lessons: FakeLesson[];
  quarterMarks: FakeQuarterMark[];
  /** The service is known to repeat items: when set, every lesson and mark is sent twice. */
  duplicate: boolean;
  close(): Promise<void>;
}

/** A local stand-in for Kundoluk's JSON API on 127.0.0.1, serving its shapes and its faults. */
export async function startFakeKundoluk(token: string): Promise<FakeKundoluk> {
  const state = {
    requests: [] as FakeKundoluk['requests'],
    faults: [] as Fault[],
    lessons: [] as FakeLesson[],
    quarterMarks: [] as FakeQuarterMark[],
    duplicate: false,
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    state.requests.push({ path: url.pathname, authorization: request.headers.authorization });
    const send = (status: number, body: string) => {
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(body);
    };
    // The fault is taken when the request arrives, so a late answer never takes a later request's fault.
    const fault = state.faults.shift();
    const answer = () => {
      if (request.headers.authorization !== `Bearer ${token}`) {
        send(401, JSON.stringify({ resultCode: 401, resultMessage: 'Unauthorized', actionResult: null }));
        return;
      }
      if (fault && 'status' in fault) {
        send(fault.status, '{"resultCode":500,"resultMessage":"Internal error"}');
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
      const from = url.searchParams.get('start_date') ?? '';
      const to = url.searchParams.get('end_date') ?? '';
      let items: unknown[];
      if (url.pathname === '/api/teacher/gradebook/list') {
        items = state.lessons
          .filter((l) => from <= l.lessonDay && l.lessonDay <= to)
          .map((l) => (state.duplicate ? { ...l, marks: [...l.marks, ...l.marks] } : l));
      } else if (url.pathname === '/api/teacher/quarter-marks/list') {
        items = state.quarterMarks.filter(
          (q) => from <= q.quarterDate.slice(0, 10) && q.quarterDate.slice(0, 10) <= to,
        );
      } else {
        send(404, JSON.stringify({ resultCode: 404, resultMessage: 'Not found', actionResult: null }));
        return;
      }
      if (state.duplicate) items = [...items, ...items];
      if (fault && 'dropField' in fault) {
        items = items.map((item, i) => {
          if (i > 0) return item;
          const { [fault.dropField]: _dropped, ...rest } = item as Record<string, unknown>;
          return rest;
        });
      }
      send(200, JSON.stringify({ resultCode: 0, resultMessage: 'OK', actionResult: items }));
    };
    if (fault && 'delayMs' in fault) setTimeout(answer, fault.delayMs);
    else answer();
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
