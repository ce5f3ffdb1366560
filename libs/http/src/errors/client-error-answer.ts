import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from './error-body';

/**
 * What Node's HTTP parser refuses before any route, hook or filter runs: a request that is not
 * received in full in time, headers over Node's 16 KiB (a very long URL or id among them), a request
 * line or header Node cannot read (a byte outside ASCII in the URL, a space in a header name, a bare
 * CR). Fastify answered these in its own shape, "Client Error" with nothing to act on; they get
 * Spiral's (ErrorBody), each saying what to send instead.
 */
export function clientErrorBody(code: string | undefined, requestTimeoutSeconds: number): ErrorBody {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { statusCode: 408, error: 'request_timeout', message: `the request was not received in full within ${requestTimeoutSeconds} s (SPIRAL_REQUEST_TIMEOUT_SECONDS); send it again, whole` };
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { statusCode: 431, error: 'headers_too_large', message: 'the request line and headers are over 16 KiB; shorten the URL (ids are at most 100 characters) or the headers' };
  }
  return {
    statusCode: 400,
    error: 'unreadable_request',
    message: `the request is not readable HTTP/1.1${code === undefined ? '' : ` (${code})`}: write the URL in ASCII, percent-encoding other characters as UTF-8, and each header as name: value on one line`,
  };
}

/** A Fastify clientErrorHandler: the answer is written on the socket, which is then closed (as Node and Fastify do). */
export function answerClientError(requestTimeoutSeconds: number): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    // A reset connection has no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const answer = clientErrorBody(error.code, requestTimeoutSeconds);
    const body = JSON.stringify(answer);
    const { statusCode } = answer;
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}
