import type { ArgumentsHost } from '@nestjs/common';
import { EventStoreFailed } from '@spiral/ports';
import { SpiralExceptionFilter } from './spiral-exception.filter';

/** What the filter answered, through a host holding just enough of a Fastify request and reply. */
function answerTo(exception: unknown): { status: number; body: Record<string, unknown> } {
  const answer = { status: 0, body: {} as Record<string, unknown> };
  const reply = {
    status: (status: number) => ((answer.status = status), reply),
    type: () => reply,
    send: (body: Record<string, unknown>) => ((answer.body = body), reply),
  };
  const request = { method: 'POST', originalUrl: '/api/v1/spirals', raw: { headers: {} } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  new SpiralExceptionFilter().catch(exception, host);
  return answer;
}

describe('SpiralExceptionFilter', () => {
  it('answers 503 when the event store stopped at a failed sync, saying what to do', () => {
    const { status, body } = answerTo(new EventStoreFailed(new Error('EIO: i/o error, fdatasync')));
    expect(status).toBe(503);
    expect(body).toMatchObject({ statusCode: 503, error: 'event_store_failed' });
    expect(body['message']).toMatch(/check the disk, then restart the server; retry with the same Idempotency-Key/);
  });

  it('answers 500 without details for anything it does not know', () => {
    const { status, body } = answerTo(new Error('a secret path /var/lib/x'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
