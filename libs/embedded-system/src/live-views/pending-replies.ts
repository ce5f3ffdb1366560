/**
 * Requests sent to another thread and waiting for its reply, by id. A thread that goes away leaves
 * its requests unanswered: `abandon` rejects them, so no caller waits forever.
 */
export class PendingReplies<T> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();

  /** Sends a request with a fresh id and resolves with the reply to it. */
  request(send: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  reply(id: number, value: T): void {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    waiting?.resolve(value);
  }

  abandon(why: string): void {
    for (const waiting of this.waiting.values()) waiting.reject(new Error(why));
    this.waiting.clear();
  }
}
