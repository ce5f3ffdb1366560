import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueueFull } from './job';

/**
 * A full job queue is the client's signal to come back later: 429 with Retry-After (seconds) and
 * the usual error body. Put on the controllers that start jobs (`@UseFilters(QueueFullFilter)`).
 */
@Catch(QueueFull)
export class QueueFullFilter implements ExceptionFilter {
  catch(exception: QueueFull, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    response.header('Retry-After', String(exception.retryAfterSeconds));
    response.status(HttpStatus.TOO_MANY_REQUESTS).send({ statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'too_many_jobs', message: exception.message });
  }
}
