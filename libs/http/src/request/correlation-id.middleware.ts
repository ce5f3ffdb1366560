import type { NextFunction, Request, Response } from 'express';
import { v7 as uuidV7 } from 'uuid';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const KEY = Symbol('correlationId');

type WithCorrelation = Request & { [KEY]?: string };

/**
 * Takes X-Correlation-Id from the request (or makes one) and echoes it on the response, so a
 * client can find every event its command caused.
 */
export function correlationIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header('x-correlation-id');
  const correlationId = given !== undefined && CORRELATION_ID.test(given) ? given : uuidV7();
  (request as WithCorrelation)[KEY] = correlationId;
  response.setHeader('X-Correlation-Id', correlationId);
  next();
}

export function correlationIdOf(request: Request): string {
  return (request as WithCorrelation)[KEY] ?? uuidV7();
}
