import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { ErrorBody } from '../errors/error-body';
import { JSON_CONTENT_TYPE } from '../json-content-type';

/**
 * The first query parameter whose name or value is not percent-encoded UTF-8, or undefined when all
 * are. A malformed escape (`%`, `%G1`), a byte that begins no UTF-8 character (`%FF`), a cut one
 * (`%E2%82`), an over-long one (`%C0%AF`) and an encoded surrogate (`%ED%A0%80`) are all refused by
 * decodeURIComponent, which reads exactly RFC 3629 UTF-8. The name is given decoded when it can be,
 * else as sent (its first 100 characters).
 */
export function firstUnreadableQueryParameter(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start < 0 || !url.includes('%', start)) return undefined;
  for (const pair of url.slice(start + 1).split('&')) {
    if (!readable(pair)) {
      const name = pair.split('=')[0] ?? '';
      return readable(name) ? decodeURIComponent(name) : name.slice(0, 100);
    }
  }
  return undefined;
}

function readable(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * SPEC "Bad input": corrupt encodings and invalid UTF-8 are 400s. The path is decoded by the router,
 * which refuses what is not UTF-8 (answerUnreadableUrl), but the query string was read leniently:
 * `?q=%FF` became U+FFFD and a search ran for a text nobody sent. A Fastify onRequest hook, after the
 * correlation id and the API's headers are set, so that every route and page is covered before any
 * guard or validation reads the query.
 */
export function refuseUnreadableQuery(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const parameter = firstUnreadableQueryParameter(request.url);
  if (parameter === undefined) {
    done();
    return;
  }
  const reason = 'must be percent-encoded UTF-8 (e.g. é as %C3%A9, % itself as %25)';
  const body: ErrorBody = { statusCode: 400, error: 'invalid_input', message: `the query parameter ${parameter} is not readable: it ${reason}`, problems: [{ field: parameter, reason }] };
  void reply.code(400).type(JSON_CONTENT_TYPE).send(body);
}
