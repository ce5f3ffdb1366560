import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { ApiAnswer, ApiClient } from './api-client';
import type { Cell } from './figures';

/** One hostile request of issue #16 and what it must get. */
export interface HostileCase {
  readonly name: string;
  /** The statuses that are right (e.g. 400 or 413 for an over-wide body). */
  readonly expected: readonly number[];
  readonly send: () => Promise<ApiAnswer>;
  /** Besides the status: what else must hold of the answer (an empty list when all holds). */
  readonly check?: (answer: ApiAnswer, ms: number) => string[];
}

export interface CaseOutcome {
  readonly row: Cell[];
  readonly findings: string[];
}

/** Sends the case, times it, and counts the events stored by it (GET /audit/verify before and after). */
export async function runCase(api: ApiClient, hostile: HostileCase): Promise<CaseOutcome> {
  const before = await api.storedEvents();
  const started = performance.now();
  const answer = await hostile.send();
  const ms = performance.now() - started;
  const stored = (await api.storedEvents()) - before;
  const bytes = Buffer.byteLength(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  const findings = [
    ...(hostile.expected.includes(answer.status) ? [] : [`${hostile.name}: answered ${answer.status}, not ${hostile.expected.join(' or ')}: ${JSON.stringify(answer.body).slice(0, 300)}`]),
    ...(stored === 0 ? [] : [`${hostile.name}: ${stored} events stored`]),
    ...(hostile.check?.(answer, ms).map((finding) => `${hostile.name}: ${finding}`) ?? []),
  ];
  return { row: [hostile.name, hostile.expected.join('/'), answer.status, ms.toFixed(0), bytes, stored], findings };
}

/** `{"0":0,"1":0,…}` as large as fits in `maxBytes`: the 112,000-key body. */
export function wideBody(maxBytes: number): string {
  const parts: string[] = [];
  let length = 2;
  for (let key = 0; ; key++) {
    const part = `"${key}":0`;
    if (length + part.length + 1 > maxBytes) break;
    parts.push(part);
    length += part.length + 1;
  }
  return `{${parts.join(',')}}`;
}

/** A compressed body broken in the middle, for each Content-Encoding body-parser reads. */
export function corruptBodies(json: string): { readonly encoding: string; readonly bytes: Buffer }[] {
  const broken = (bytes: Buffer) => {
    const copy = Buffer.from(bytes);
    for (let i = Math.floor(copy.length / 3); i < copy.length; i += 3) copy[i] = (copy[i] ?? 0) ^ 0xa5;
    return copy;
  };
  const input = Buffer.from(json.repeat(20));
  return [
    { encoding: 'gzip', bytes: broken(gzipSync(input)) },
    { encoding: 'deflate', bytes: broken(deflateSync(input)) },
    { encoding: 'br', bytes: broken(brotliCompressSync(input)) },
    { encoding: 'gzip', bytes: Buffer.from('not gzip at all') },
  ];
}
