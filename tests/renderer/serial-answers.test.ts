import { describe, expect, it } from 'vitest';
import { serialAnswers } from '../../src/renderer/components/serial-answers';

/** A request the test answers when it chooses: the network may deliver answers in any order. */
interface Pending {
  answer: () => void;
}

/**
 * A stand-in for the core: each request, when it reaches the core, changes the state and is
 * answered with the state as it then stands, but only when the test delivers the answer.
 */
function fakeCore() {
  let state = 0;
  const pending: Pending[] = [];
  return {
    pending,
    sign: () =>
      new Promise<number>((resolve) => {
        state += 1;
        const snapshot = state;
        pending.push({
          answer: () => {
            resolve(snapshot);
          },
        });
      }),
    get state() {
      return state;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Delivers the newest answer still owed first: the worst order for whoever shows them. */
async function deliverNewestFirst(pending: Pending[]): Promise<void> {
  await settle();
  while (pending.length > 0) {
    pending.pop()?.answer();
    await settle();
  }
}

describe('answers that replace the close board', () => {
  it('three signatures clicked in quick succession, answered newest first, leave the newest board', async () => {
    const core = fakeCore();
    const shown: number[] = [];
    const answers = serialAnswers<number>(
      (board) => shown.push(board),
      (error) => {
        throw error;
      },
    );
    const all = [answers.run(core.sign), answers.run(core.sign), answers.run(core.sign)];
    await deliverNewestFirst(core.pending);
    await Promise.all(all);
    expect(core.state).toBe(3);
    expect(shown).toEqual([1, 2, 3]);
  });

  it('sends a request only once the one before it has been answered', async () => {
    const core = fakeCore();
    const answers = serialAnswers<number>(
      () => undefined,
      () => undefined,
    );
    void answers.run(core.sign);
    void answers.run(core.sign);
    await settle();
    expect(core.pending).toHaveLength(1);
    core.pending.shift()?.answer();
    await settle();
    expect(core.pending).toHaveLength(1);
  });

  it('drops the answer about a close that is no longer shown, and goes on after a refusal', async () => {
    const shown: string[] = [];
    const errors: unknown[] = [];
    const answers = serialAnswers<string>(
      (board) => shown.push(board),
      (error) => errors.push(error),
    );
    let answerOld: (board: string) => void = () => undefined;
    const old = answers.run(() => new Promise<string>((resolve) => (answerOld = resolve)));
    answers.reset();
    const refused = answers.run(() => Promise.reject(new Error('refused')));
    const current = answers.run(() => Promise.resolve('close 2'));
    await settle();
    answerOld('close 1');
    await Promise.all([old, refused, current]);
    expect(shown).toEqual(['close 2']);
    expect(errors).toEqual([new Error('refused')]);
  });

  it('after a reset, sends the next request at once instead of waiting for the dropped answer', async () => {
    const core = fakeCore();
    const shown: number[] = [];
    const answers = serialAnswers<number>(
      (value) => shown.push(value),
      () => undefined,
    );
    const dropped = answers.run(core.sign);
    await settle();
    answers.reset();
    const current = answers.run(core.sign);
    await settle();
    expect(core.pending).toHaveLength(2);
    core.pending.pop()?.answer();
    await current;
    core.pending.pop()?.answer();
    await dropped;
    expect(shown).toEqual([2]);
  });
});
