/**
 * Kundoluk's local stand-in for the sync benchmark, run in a process of its own as the real service
 * is remote: building its answers and collecting its memory (the whole school's journal as objects)
 * is not counted as the sync's time. sync.bench.ts starts it with startKundolukService().
 */
import { fork } from 'node:child_process';
import { openMirror } from '../src/core/db/mirror';
import { kundolukDataFromMirror } from '../tests/mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk } from '../tests/mirror/fake-kundoluk/server';

type Request = { type: 'correct-mark'; from: string; to: string; gradeId: string } | { type: 'close' };
type Reply = { type: 'ready'; url: string; accounts: string[] } | { type: 'corrected'; found: boolean };

export interface KundolukService {
  url: string;
  /** One token per class, each seeing only its class's lessons, as a class teacher's does. */
  accounts: string[];
  /** Corrects one mark 3 to 4 on a lesson between two dates, as a teacher would in Kundoluk. */
  /** Corrects a mark 3 of one class's week (the class an account sees), as its teacher would. */
  correctMark(from: string, to: string, gradeId: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Starts the stand-in serving the journal held in the mirror at `dbPath` between two dates, every
 * answer `latencyMs` late.
 */
export function startKundolukService(
  dbPath: string,
  range: { from: string; to: string },
  latencyMs: number,
): Promise<KundolukService> {
  const child = fork(import.meta.filename, ['--serve', dbPath, range.from, range.to, String(latencyMs)], {
    stdio: 'inherit',
  });
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      child.once('message', (reply) => {
        resolve(reply as Reply);
      });
      child.once('exit', (code) => {
        reject(new Error(`the Kundoluk stand-in exited (${String(code)})`));
      });
    });
  const ask = async (request: Request) => {
    const reply = next();
    child.send(request);
    return reply;
  };
  return next().then((ready) => {
    if (ready.type !== 'ready') throw new Error('the Kundoluk stand-in did not start');
    return {
      url: ready.url,
      accounts: ready.accounts,
      correctMark: async (from, to, gradeId) => {
        const reply = await ask({ type: 'correct-mark', from, to, gradeId });
        return reply.type === 'corrected' && reply.found;
      },
      close: () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => {
            resolve();
          });
          child.send({ type: 'close' } satisfies Request);
        }),
    };
  });
}

async function serve(dbPath: string, from: string, to: string, latencyMs: number): Promise<void> {
  const mirror = openMirror(dbPath, { readonly: true });
  const data = kundolukDataFromMirror(mirror, { from, to });
  mirror.close();
  const fake = await startFakeKundoluk('bench-admin');
  Object.assign(fake, data);
  fake.latencyMs = latencyMs;
  const classes = [...new Set(data.lessons.map((l) => String(l.gradeId)))];
  for (const gradeId of classes) fake.tokens.set(`token-${gradeId}`, (l) => l.gradeId === gradeId);
  const send = (reply: Reply) => process.send?.(reply);
  process.on('message', (request: Request) => {
    if (request.type === 'close') {
      void fake.close().then(() => process.exit(0));
      return;
    }
    const marks = fake.lessons
      .filter(
        (l) =>
          l.gradeId === request.gradeId &&
          request.from <= l.lessonDay.slice(0, 10) &&
          l.lessonDay.slice(0, 10) <= request.to,
      )
      .flatMap((l) => l.students.flatMap((s) => s.marks));
    const mark = marks.find((m) => m.mark === 3 && m.mark_type !== 'quarter');
    if (mark) {
      mark.old_mark = 3;
      mark.mark = 4;
    }
    send({ type: 'corrected', found: mark !== undefined });
  });
  send({ type: 'ready', url: fake.url, accounts: classes.map((c) => `token-${c}`) });
}

const [flag, dbPath, from, to, latency] = process.argv.slice(2);
if (flag === '--serve' && dbPath && from && to && latency) await serve(dbPath, from, to, Number(latency));
