import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { v7 as uuidV7 } from 'uuid';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Whether a given X-Correlation-Id can be carried as it is: 1 to 100 letters, digits, '.', '_', ':' or '-'. */
export function isCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && CORRELATION_ID.test(value);
}
const KEY = Symbol('correlationId');

type WithCorrelation = FastifyRequest & { [KEY]?: string };

/**
 * Takes X-Correlation-Id from the request (or makes one) and echoes it on the response, so a
 * client can find every event its command caused. A Fastify onRequest hook: it runs for every
 * request, the refused and the unrouted ones too.
 */
export function echoCorrelationId(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const given = request.headers['x-correlation-id'];
  // A read answers with a fresh one; a command refuses it (CommandMeta), as its events would carry another.
  const correlationId = isCorrelationId(given) ? given : uuidV7();
  (request as WithCorrelation)[KEY] = correlationId;
  reply.header('X-Correlation-Id', correlationId);
  done();
}

export function correlationIdOf(request: FastifyRequest): string {
  return (request as WithCorrelation)[KEY] ?? uuidV7();
}
