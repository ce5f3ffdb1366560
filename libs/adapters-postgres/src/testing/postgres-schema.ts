import type { EventStoreHarness } from '@spiral/ports/testing';
import { uniqueName } from '@spiral/ports/testing';
import { Client } from 'pg';
import { PostgresEventStore } from '../postgres-event-store';
import { postgresUrl } from './postgres-url';

/** A schema name no other test has used. */
export const freshSchema = (): string => uniqueName('contract').toLowerCase().replace(/[^a-z0-9_]/g, '_');

/** A schema of its own per test, dropped afterwards, so tests never see each other's events. */
export async function inFreshSchema(schema = freshSchema()): Promise<EventStoreHarness> {
  let open = await PostgresEventStore.connect(postgresUrl(), { schema });
  return {
    store: open,
    reopen: async () => {
      await open.close();
      open = await PostgresEventStore.connect(postgresUrl(), { schema });
      return open;
    },
    cleanup: async () => {
      await open.close();
      await dropSchema(schema);
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
