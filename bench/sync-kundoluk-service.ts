/**
 * Kundoluk's local stand-in for the sync benchmark, run in a process of its own as the real service
 * is remote: building its answers and collecting its memory (the whole school's journal as objects)
 * is not counted as the sync's time. sync.bench.ts starts it with startKundolukService().
 */
import { fork } from 'node:child_process';
import { openMirror } from '../src/core/db/mirror';
import { kundolukDataFromMirror } from '../tests/mirror/fake-kundoluk/from-mirror';
import { startFakeKundoluk } from '../tests/mirror/fake-kundoluk/server';

type Request = { type: 'correct-mark'; from: string; to: string } | { type: 'close' };
type Reply = { type: 'ready'; url: string } | { type: 'corrected'; found: boolean };

export interface KundolukService {
  url: string;
  /** Corrects one mark 3 to 4 on a lesson between two dates, as a teacher would in Kundoluk. */
  correctMark(from: string, to: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts the stand-in serving the journal held in the mirror at `dbPath`. */
export function startKundolukService(dbPath: string, token: string): Promise<KundolukService> {
  const child = fork(import.meta.filename, ['--serve', dbPath, token], { stdio: 'inherit' });
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
      correctMark: async (from, to) => {
        const reply = await ask({ type: 'correct-mark', from, to });
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

async function serve(dbPath: string, token: string): Promise<void> {
  const mirror = openMirror(dbPath, { readonly: true });
  const data = kundolukDataFromMirror(mirror);
  mirror.close();
  const fake = await startFakeKundoluk(token);
  Object.assign(fake, data);
  const send = (reply: Reply) => process.send?.(reply);
  process.on('message', (request: Request) => {
    if (request.type === 'close') {
      void fake.close().then(() => process.exit(0));
      return;
    }
    const lesson = fake.lessons.find(
      (l) => request.from <= l.lessonDay && l.lessonDay <= request.to && l.marks.some((m) => m.mark === '3'),
    );
    const mark = lesson?.marks.find((m) => m.mark === '3');
    if (mark) {
      mark.old_mark = '3';
      mark.mark = '4';
    }
    send({ type: 'corrected', found: mark !== undefined });
  });
  send({ type: 'ready', url: fake.url });
}

const [flag, dbPath, token] = process.argv.slice(2);
if (flag === '--serve' && dbPath !== undefined && token !== undefined) await serve(dbPath, token);
