import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Headers on every answer of the API (`/api/v1/…`): its answers are data, never a document to run.
 * They carry what users typed (titles, names, reasons), and one of them, chart.svg, is an SVG: a
 * document a browser runs scripts in when it is opened on its own, with this origin's rights. Its
 * text is escaped by ECharts; this policy makes any text that ever slipped through inert all the
 * same (no script, no plugin, no form, no framing), and nosniff stops a browser from reading JSON
 * or CSV as HTML. Inline styles stay allowed: the SVG draws with them. The web pages and the
 * OpenAPI page are outside /api/v1 and keep their own headers (libs/web WEB_HEADERS).
 */
export const API_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
};

const API_PATH = /^\/api\/v1(\/|$|\?)/i;

/** A Fastify onRequest hook: it runs for every request, refused and unrouted ones too. */
export function setApiAnswerHeaders(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (API_PATH.test(request.url)) reply.headers(API_ANSWER_HEADERS);
  done();
}
