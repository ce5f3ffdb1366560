import type { ViewChange } from '@spiral/ports';
import { BSON } from 'mongodb';
import { DOCUMENT_FIELD, isFilterable, type StoredView } from './mongo-view-query';

/** Collections of the store's own bookkeeping, which no view may take. */
export const CHECKPOINTS = 'checkpoints';
export const JOURNAL = 'commit_journal';

// MongoDB's document limit is 16 MiB; the margin covers the _id and the bulk command around it.
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024 - 16 * 1024;

export function checkCollectionName(collection: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(collection) || collection.startsWith('system.') || collection.length > 200) {
    throw new RangeError(`view collection name ${JSON.stringify(collection)} is not allowed`);
  }
  if (collection === CHECKPOINTS || collection === JOURNAL) throw new RangeError(`view collection name ${collection} is reserved`);
  return collection;
}

/**
 * One change, checked, with its document as JSON text (null for a delete) and whether the writer
 * knows it to be stored (see ViewChange): how the journal keeps it.
 */
export interface PlannedChange {
  readonly collection: string;
  readonly id: string;
  readonly json: string | null;
  readonly stored?: boolean;
}

/**
 * Checks every change before anything is written, so a change that cannot be stored (a cycle, a
 * value JSON cannot carry, a document over the size limit, a bad name) refuses the whole commit.
 * Documents become JSON text, so what is read back is what the embedded store gives (undefined
 * fields dropped, dates as ISO strings).
 */
export function planChanges(changes: readonly ViewChange[]): PlannedChange[] {
  return changes.map((change) => {
    const collection = checkCollectionName(change.collection);
    if (typeof change.id !== 'string' || change.id.length === 0) throw new RangeError('a view document id must be a non-empty string');
    switch (change.kind) {
      case 'put': {
        const json = toJson(change.id, change.document);
        const planned = change.stored === undefined ? { collection, id: change.id, json } : { collection, id: change.id, json, stored: change.stored };
        if (BSON.calculateObjectSize(toStored(planned.id, planned.json)) > MAX_DOCUMENT_BYTES) {
          throw new RangeError(`view document ${change.id} is over MongoDB's 16 MiB limit`);
        }
        return planned;
      }
      case 'delete':
        return { collection, id: change.id, json: null };
      default: {
        const unknown: never = change;
        throw new Error(`unknown view change ${JSON.stringify(unknown)}`);
      }
    }
  });
}

function toJson(id: string, document: object): string {
  const json = JSON.stringify(document) as string | undefined;
  const parsed: unknown = json === undefined ? undefined : JSON.parse(json);
  if (json === undefined || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TypeError(`view document ${id} is not a JSON object`);
  }
  return json;
}

/** A view as stored: its JSON, and its filterable top-level fields beside it. */
export function toStored(id: string, json: string): StoredView {
  const stored: StoredView = { _id: id, [DOCUMENT_FIELD]: json };
  for (const [field, value] of Object.entries(JSON.parse(json) as Record<string, unknown>)) {
    // Only fields a filter may name are copied: _id is the view id's, and keys like $x or a.b
    // would be operators or paths to MongoDB. They all stay in the JSON.
    if (isFilterable(field)) stored[field] = value !== null && typeof value === 'object' ? {} : value;
  }
  return stored;
}
