import { json } from 'body-parser';
import type { FastifyInstance } from 'fastify';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * body-parser decodes invalid UTF-8 into U+FFFD and would store it as sent; SPEC "Bad input" wants a
 * 400. It checks the bytes after any Content-Encoding is undone, before JSON.parse.
 */
function refuseInvalidUtf8(_request: unknown, _response: unknown, bytes: Buffer): void {
  if (!isUtf8(bytes)) throw Object.assign(new Error('the body is not valid UTF-8; send JSON encoded as UTF-8'), { status: 400, type: 'entity.invalid.utf8' });
}

/**
 * Bodies are read by body-parser's JSON reader, behind Fastify, for every content type: it is what
 * SPEC "Bad input" was pinned on (gzip, deflate and br undone; charsets other than UTF-8 refused with
 * 415; malformed JSON, a scalar body or one over the limit refused with its own error types, which
 * SpiralExceptionFilter answers). A body of another content type is not read, so the route sees
 * none and validation says what is missing, as before, rather than Fastify's 415. Fastify's own
 * parsers are removed so that no body reaches a route by another way.
 */
export function readJsonBodies(fastify: FastifyInstance, maxBodyBytes: number): void {
  const read = json({ limit: maxBodyBytes, strict: true, verify: refuseInvalidUtf8 });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    const raw = request.raw as IncomingMessage & { body?: unknown };
    // body-parser never writes to the response; Fastify gives a parser none.
    read(raw, undefined as unknown as ServerResponse, (error?: unknown) => done(error === undefined ? null : (error as Error), raw.body));
  });
}
