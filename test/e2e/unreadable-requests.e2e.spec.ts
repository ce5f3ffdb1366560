import { listenLocally } from '@spiral/web/testing';
import { EmbeddedHarness } from './support/embedded-harness';
import { sendAndWait } from './support/raw-request';

/** The JSON body after the head of a raw answer. */
const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { statusCode: number; error: string; message: string };

/**
 * SPEC "Bad input": errors say what happened and what to do. What Node's HTTP parser refuses before
 * any route runs (a byte outside ASCII in the URL, headers over 16 KiB, a header it cannot read) was
 * answered in Fastify's shape, `{"message":"Client Error"}`, with nothing to act on.
 */
describe('a request Node cannot read', () => {
  let harness: EmbeddedHarness;
  let base: string;
  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    base = await listenLocally(harness);
  });
  afterAll(() => harness.stop());

  it('gets 400 in Spiral\'s shape, saying how to write the URL, and its connection closed', async () => {
    for (const target of [Buffer.from('/api/v1/practices?q=caf\u00e9', 'utf8'), Buffer.from([0x2f, 0xff])]) {
      const { answer } = await sendAndWait(base, Buffer.concat([Buffer.from('GET '), target, Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]));
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(bodyOf(answer)).toMatchObject({ statusCode: 400, error: 'unreadable_request', message: expect.stringContaining('percent-encoding other characters as UTF-8') as unknown });
    }
    const { answer } = await sendAndWait(base, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n');
    expect(bodyOf(answer)).toMatchObject({ statusCode: 400, error: 'unreadable_request' });
  });

  it('gets 431 saying what to shorten when the URL and headers are over 16 KiB', async () => {
    const { answer } = await sendAndWait(base, `GET /api/v1/teams/${'a'.repeat(20_000)}/view HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(answer)).toMatchObject({ statusCode: 431, error: 'headers_too_large', message: expect.stringContaining('shorten the URL') as unknown });
  });
});
