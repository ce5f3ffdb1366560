import { listenLocally } from '@spiral/web/testing';
import { connect } from 'node:net';
import { EmbeddedHarness } from './support/embedded-harness';

const localRx1 = { role: 'local', org: 'RX1', sha: 'Q01' } as const;

/** Waited for at most, then the test closes the connection itself (so a server that never does fails the test rather than hanging it). */
const GIVE_UP_MS = 10_000;

/** Writes `head` on a fresh connection, sends nothing more, and answers what came back and when the connection closed. */
function sendAndWait(base: string, head: string): Promise<{ readonly answer: string; readonly closedAfterMs: number }> {
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

/**
 * SPEC "Bad input": no request can stall the server. A client that sends half a request and waits
 * (slowloris) gets 408 once SPIRAL_REQUEST_TIMEOUT_SECONDS has passed, and its connection is freed;
 * Fastify's default would have held it for ever. Here the timeout is 1 s.
 */
describe('a client that sends half a request and waits', () => {
  let harness: EmbeddedHarness;
  let base: string;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start({ requestTimeoutSeconds: 1 });
    base = await listenLocally(harness);
  });
  afterAll(() => harness.stop());

  it('gets 408 and its connection closed when the body stops half way, and nothing is stored', async () => {
    const before = await harness.eventStore.headPosition();
    const head = `POST /api/v1/teams HTTP/1.1\r\nHost: x\r\nAuthorization: ${harness.bearer(localRx1).Authorization}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"name":`;
    const { answer, closedAfterMs } = await sendAndWait(base, head);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(5_000);
    expect(await harness.eventStore.headPosition()).toBe(before);
  });

  it('gets 408 and its connection closed when the headers never end', async () => {
    const { answer, closedAfterMs } = await sendAndWait(base, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(5_000);
  });
});
