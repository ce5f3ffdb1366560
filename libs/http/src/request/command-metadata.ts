import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestFingerprint, type CommandEnvelope } from '@spiral/command-handling';
import type { Actor } from '@spiral/event-catalogue';
import type { AuthenticatedRequest } from '../auth/access.guard';
import { correlationIdOf, isCorrelationId } from './correlation-id.hook';

/** What the request's headers and token say about a command (SPEC "HTTP API"). */
export interface CommandMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly idempotencyKey?: string;
  readonly expectedRevision?: number;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** `If-Match: 3`, `If-Match: "3"` or `W/"3"`: the stream revision the client last saw. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match?.[1]) {
    throw new BadRequestException({ message: 'If-Match must be a stream revision, e.g. If-Match: 3', problems: [{ field: 'If-Match', reason: 'must be a whole number' }] });
  }
  return Number(match[1]);
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new BadRequestException({ message: 'Idempotency-Key must be 1 to 200 visible ASCII characters', problems: [{ field: 'Idempotency-Key', reason: 'must be 1 to 200 visible ASCII characters' }] });
  }
  return header;
}

/**
 * A command's X-Correlation-Id is stored on every event it causes: one that cannot be carried as
 * sent is refused, as a bad Idempotency-Key is, rather than replaced by one the client never sees
 * in its events (it was, silently).
 */
export function checkCorrelationId(header: string | undefined): void {
  if (header === undefined || isCorrelationId(header)) return;
  const reason = 'must be 1 to 100 letters, digits, ".", "_", ":" or "-"; send one such, or none and one is made';
  throw new BadRequestException({ message: `X-Correlation-Id ${reason}`, problems: [{ field: 'X-Correlation-Id', reason }] });
}

export const CommandMeta = createParamDecorator((_: unknown, context: ExecutionContext): CommandMetadata => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CommandMeta used on a route without AccessGuard');
  checkCorrelationId(headerOf(request, 'x-correlation-id'));
  const idempotencyKey = parseIdempotencyKey(headerOf(request, 'idempotency-key'));
  const expectedRevision = parseIfMatch(headerOf(request, 'if-match'));
  return {
    actor: request.actor,
    correlationId: correlationIdOf(request),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
});

/** A request header's text; Node joins a repeated one with commas, so only set-cookie is ever a list. */
function headerOf(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The actor of a read route. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a route without AccessGuard');
  return request.actor;
});

/**
 * Puts a domain command in its envelope with what the request said about it. With an
 * Idempotency-Key the envelope carries the fingerprint of what was asked (`asked`: by default the
 * command; sendCommand gives the command's type and the body, so the same body sent with the same
 * key to another stream derives the same event ids and is refused there as a key in use).
 */
export function toEnvelope<TCommand>(
  meta: CommandMetadata,
  command: TCommand,
  occurredAt: string | undefined,
  asked: unknown = command,
): CommandEnvelope<TCommand> {
  const fingerprint = meta.idempotencyKey === undefined ? {} : { fingerprint: requestFingerprint(asked, occurredAt) };
  return { ...meta, command, ...fingerprint, ...(occurredAt === undefined ? {} : { occurredAt }) };
}
