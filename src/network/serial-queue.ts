/**
 * Runs tasks one after another: the host's core takes one request at a time, as it does for the
 * one window of a single PC, so no two clients' handlers ever interleave between their reads and writes.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
