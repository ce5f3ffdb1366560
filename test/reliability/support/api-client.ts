import { Agent, request } from 'undici';
import type { Identity } from '../../e2e/support/embedded-harness';
import type { EmbeddedProcess } from './embedded-process';

export interface ApiAnswer {
  readonly status: number;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;
  /** The answer's headers (Retry-After of a 429, say). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface SendOptions {
  readonly identity?: Identity;
  /** An object is sent as JSON; a string or bytes are sent as they are (malformed JSON, huge bodies, broken encodings). */
  readonly body?: object | string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/** The envelope fields of a traced event the suites read. */
export interface TracedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly revision: number;
  readonly correlationId: string;
}

export const auditor: Identity = { role: 'auditor', sub: 'reliability-auditor' };

/**
 * A keep-alive HTTP client (undici) for a running embedded process, with tokens minted for any
 * identity. `storedEvents` reads the store's size through the API (GET /audit/verify), which also
 * recomputes every hash chain, so a suite checks "nothing stored" and "nothing altered" at once.
 */
export class ApiClient {
  readonly agent: Agent;

  constructor(
    readonly app: EmbeddedProcess,
    connections = 64,
  ) {
    this.agent = new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });
  }

  async send(method: 'GET' | 'POST', path: string, options: SendOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.identity) headers['authorization'] = `Bearer ${this.app.token(options.identity)}`;
    let body: string | Buffer | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const answer = await request(`${this.app.base}/api/v1${path}`, { method, headers, body, dispatcher: this.agent, signal: options.signal });
    const text = await answer.body.text();
    return { status: answer.statusCode, body: parsed(text), headers: answer.headers };
  }

  post(path: string, identity: Identity, body: object | string, headers: Readonly<Record<string, string>> = {}): Promise<ApiAnswer> {
    return this.send('POST', path, { identity, body, headers });
  }

  get(path: string, identity: Identity): Promise<ApiAnswer> {
    return this.send('GET', path, { identity });
  }

  /** POSTs and expects 201; answers the id the server gave. */
  async created(path: string, identity: Identity, body: object): Promise<string> {
    const answer = await this.post(path, identity, body);
    if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { id: string }).id;
  }

  /** How many events the store holds, from the hash-chain verification (which must find no break). */
  async storedEvents(): Promise<number> {
    const answer = await this.get('/audit/verify', auditor);
    const report = answer.body as { ok: boolean; events: number; breaks: unknown[] };
    if (answer.status !== 200 || !report.ok) throw new Error(`GET /audit/verify answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return report.events;
  }

  /** The events of one spiral's stream, in revision order, as the audit trace shows them. */
  async spiralEvents(spiralId: string): Promise<readonly TracedEvent[]> {
    const answer = await this.get(`/audit/spirals/${spiralId}/trace`, auditor);
    if (answer.status !== 200) throw new Error(`trace of ${spiralId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { events: TracedEvent[] }).events;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
