import { JwtService } from '@nestjs/jwt';
import { Agent, request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly body: string;
}

/** Claims of a bench user; the token is signed with the server's secret. */
export interface BenchIdentity {
  readonly sub: string;
  readonly role: 'local' | 'regional' | 'national' | 'analyst' | 'auditor';
  readonly org: string | null;
  readonly sha: string | null;
}

export function bearer(secret: string, identity: BenchIdentity): Record<string, string> {
  const token = new JwtService({ secret }).sign({ ...identity }, { algorithm: 'HS256', expiresIn: '2h' });
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/**
 * A keep-alive HTTP client on node:http (no load-testing library is installed): a fixed pool of
 * connections, so figures measure the server and not connection set-up.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly base: URL,
    connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  send(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: object): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<Answer>((resolve, reject) => {
      const outgoing = request(
        new URL(path, this.base),
        { method, agent: this.agent, headers: payload === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(payload) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** Sends and insists on one status, naming the path and the answer otherwise. */
  async expect(status: number, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: object): Promise<string> {
    const answer = await this.send(method, path, headers, body);
    if (answer.status !== status) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer.body;
  }

  close(): void {
    this.agent.destroy();
  }
}
