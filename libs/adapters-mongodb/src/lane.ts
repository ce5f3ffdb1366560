/**
 * Work run one piece at a time, in the order handed in; a piece that fails does not stop the ones
 * after it (each caller gets its own result or error).
 */
export class Lane {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
