import { connect } from 'node:net';

/** Waited for at most, then the test closes the connection itself (so a server that never does fails the test rather than hanging it). */
const GIVE_UP_MS = 10_000;

/** Writes `head` (text as UTF-8, or bytes as they are) on a fresh connection, sends nothing more, and answers what came back and when the connection closed. */
export function sendAndWait(base: string, head: string | Uint8Array): Promise<{ readonly answer: string; readonly closedAfterMs: number }> {
  const { hostname, port } = new URL(base);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => socket.write(head));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', reject);
    const giveUp = setTimeout(() => socket.destroy(), GIVE_UP_MS);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
  });
}
