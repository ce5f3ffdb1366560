import { listenLocally } from '@spiral/web/testing';
import { EmbeddedHarness } from './support/embedded-harness';
import { sendAndWait } from './support/raw-request';

const localRx1 = { role: 'local', org: 'RX1', sha: 'Q01' } as const;

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
    // In Spiral's shape, saying which setting it was (Fastify answered "Client Timeout").
    expect(answer).toContain('"error":"request_timeout","message":"the request was not received in full within 1 s (SPIRAL_REQUEST_TIMEOUT_SECONDS)');
    expect(closedAfterMs).toBeLessThan(5_000);
  });
});
