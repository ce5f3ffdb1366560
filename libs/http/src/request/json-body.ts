import { json } from 'body-parser';
import type { FastifyInstance } from 'fastify';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { firstDuplicateKey } from './duplicate-keys';

/** A refusal in body-parser's form (status and type), which SpiralExceptionFilter answers as it does body-parser's own. */
function refusal(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type, expose: true });
}

// A charset parameter, as RFC 9110 §8.3 writes it: a token or a quoted string.
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/gi;

/**
 * Checks on the bytes after any Content-Encoding is undone, before JSON.parse (SPEC "Bad input"):
 * - a charset other than UTF-8 is 415: body-parser takes any "utf-*" and would decode a body
 *   labelled utf-16 (or utf-7) into other text than the bytes say;
 * - a charset given twice is 400: which one counts would depend on who reads;
 * - invalid UTF-8 is 400: body-parser would decode it into U+FFFD and store it as sent;
 * - a member name given twice in one object is 400 (duplicate-keys.ts says why).
 */
function verifyBody(request: IncomingMessage, _response: unknown, bytes: Buffer): void {
  const charsets = [...(request.headers['content-type'] ?? '').matchAll(CHARSET)].map((match) => match[1]?.toLowerCase());
  // Given twice, a proxy reading the last and this server the first would decode other text (as with a member name given twice).
  if (charsets.length > 1) throw refusal(400, 'charset.repeated', 'the Content-Type gives charset more than once; give it once (charset=utf-8) or not at all');
  const charset = charsets[0];
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw refusal(415, 'charset.unsupported', `the charset "${charset}" is not accepted; send JSON encoded as UTF-8 (charset=utf-8 or none)`);
  }
  if (!isUtf8(bytes)) throw refusal(400, 'entity.invalid.utf8', 'the body is not valid UTF-8; send JSON encoded as UTF-8');
  const duplicate = firstDuplicateKey(bytes.toString('utf8'));
  if (duplicate !== undefined) throw refusal(400, 'entity.duplicate.key', `the body gives ${duplicate} more than once; send each field once`);
}

const NOT_AN_OBJECT = 'the body must be one JSON object ({"field": value, …}), not';

/**
 * body-parser's JSON.parse error is a SyntaxError, which Nest turns into a bare "Bad Request" before
 * our filter sees it; given as a refusal it keeps its type. A body that is JSON but not an object (a
 * number, a string, `null`: body-parser's strict mode refuses them as "not valid JSON") is told so.
 */
function parseRefusal(error: Error & { type?: string; body?: string }): Error {
  if (error.type !== 'entity.parse.failed') return error;
  let scalar: unknown;
  try {
    scalar = JSON.parse(error.body ?? '');
  } catch {
    return refusal(400, 'entity.parse.failed', error.message);
  }
  return refusal(400, 'entity.not.object', `${NOT_AN_OBJECT} ${scalar === null ? 'null' : `a ${typeof scalar}`}`);
}

/**
 * Bodies are read by body-parser's JSON reader, behind Fastify, for every content type: it is what
 * SPEC "Bad input" was pinned on (gzip, deflate and br undone; charsets other than UTF-8 refused with
 * 415; malformed JSON, a body that is not an object or one over the limit refused with their own
 * error types, which SpiralExceptionFilter answers). A body of another content type is not read, so
 * the route sees none and validation says what is missing, as before, rather than Fastify's 415.
 * Fastify's own parsers are removed so that no body reaches a route by another way.
 */
export function readJsonBodies(fastify: FastifyInstance, maxBodyBytes: number): void {
  const read = json({ limit: maxBodyBytes, strict: true, verify: verifyBody });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    const raw = request.raw as IncomingMessage & { body?: unknown };
    // body-parser never writes to the response; Fastify gives a parser none.
    read(raw, undefined as unknown as ServerResponse, (error?: unknown) => {
      if (error !== undefined) done(parseRefusal(error as Error), undefined);
      else if (Array.isArray(raw.body)) done(refusal(400, 'entity.not.object', `${NOT_AN_OBJECT} an array`), undefined);
      else done(null, raw.body);
    });
  });
}
