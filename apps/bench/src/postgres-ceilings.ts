import { insertParameters, insertSql } from '@spiral/adapters-postgres';
import { ALL_PROJECTIONS } from '@spiral/distributed-system';
import { sealEvents, type PendingEvent } from '@spiral/event-catalogue';
import { storedCollection } from '@spiral/projections';
import { MongoClient, type AnyBulkWriteOperation, type Document } from 'mongodb';

type StoredView = { _id: string } & Document;
import { Client } from 'pg';

/** Rows per raw INSERT statement (each its own transaction): the engine's batched ceiling. */
const RAW_ROWS_PER_INSERT = 500;
/** FerretDB's bulk bound with one bulk in flight (libs/adapters-mongodb/src/mongo-view-writes.ts). */
const UPSERTS_PER_BULK = 24;

/**
 * The same events as raw rows, chained as the store chains them, inserted straight into the same
 * table in statements of 500 rows: what PostgreSQL itself takes, without the append path.
 */
export async function rawPostgresInserts(pgUrl: string, schema: string, events: readonly PendingEvent[], round: string): Promise<number> {
  const sealed = events.flatMap((event, index) => sealEvents(`raw-${round}-${index}`, [{ ...event, eventId: `${event.eventId}-raw` }], undefined, new Date().toISOString()));
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const sql = insertSql(schema);
    const started = performance.now();
    for (let start = 0; start < sealed.length; start += RAW_ROWS_PER_INSERT) {
      await client.query(sql, insertParameters(sealed.slice(start, start + RAW_ROWS_PER_INSERT)));
    }
    return sealed.length / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

/**
 * The view store's own rate for the documents the projector built from `events` events: every
 * projection's documents, read back, upserted into an empty database in bulks (one in flight),
 * as events per second so it compares with the projector's throughput.
 */
export async function viewStoreUpsertCeiling(mongoUrl: string, database: string, events: number): Promise<{ perSecond: number; documents: number }> {
  const client = await new MongoClient(mongoUrl).connect();
  const target = client.db(`${database}_ceiling`);
  try {
    const collections = ALL_PROJECTIONS.flatMap((projection) => projection.collections.map((collection) => storedCollection(projection, collection)));
    const documents = new Map<string, StoredView[]>();
    for (const name of collections) documents.set(name, await client.db(database).collection<StoredView>(name).find().toArray());
    let written = 0;
    const started = performance.now();
    for (const [name, stored] of documents) {
      const operations: AnyBulkWriteOperation<StoredView>[] = stored.map((document) => ({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } }));
      for (let start = 0; start < operations.length; start += UPSERTS_PER_BULK) {
        await target.collection<StoredView>(name).bulkWrite(operations.slice(start, start + UPSERTS_PER_BULK), { ordered: true });
      }
      written += stored.length;
    }
    return { perSecond: events / ((performance.now() - started) / 1000), documents: written };
  } finally {
    await target.dropDatabase().catch(() => undefined);
    await client.close();
  }
}
