/**
 * Runs the requests whose answers replace one piece of state (a screen's data, the close board) one
 * after another: each is sent only once the one before has been answered, so the core handles them
 * in the order they were made and an older answer can never arrive after a newer one and overwrite
 * it (two signatures recorded in quick succession once left the board a signature behind; a slow
 * answer about the class chosen before once replaced the class chosen now). `reset` drops what is
 * queued or in flight, when the state now stands for something else (another close, another input):
 * the next request is sent at once, without waiting for an answer nobody will show.
 */
export function serialAnswers<T>(apply: (value: T) => void, fail: (error: unknown) => void) {
  let tail: Promise<void> = Promise.resolve();
  let generation = 0;
  return {
    run(work: () => Promise<T>): Promise<void> {
      const mine = generation;
      tail = tail.then(async () => {
        if (mine !== generation) return;
        try {
          const value = await work();
          if (mine === generation) apply(value);
        } catch (error) {
          if (mine === generation) fail(error);
        }
      });
      return tail;
    },
    reset(): void {
      generation += 1;
      tail = Promise.resolve();
    },
  };
}
