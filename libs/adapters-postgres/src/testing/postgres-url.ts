import type { EngineUnderTest } from '@spiral/ports/testing';

/** The server of PG_URL, else the one `npm run infra:up` starts. */
export function postgresUrl(): string {
  return process.env['PG_URL'] ?? 'postgres://spiral@127.0.0.1:5433/spiral';
}

export function postgresEngine(): EngineUnderTest {
  const { hostname, port } = new URL(postgresUrl());
  return { name: 'PostgreSQL', variable: 'PG_URL', address: `${hostname}:${port || '5432'}` };
}
