import type { FindOptions, ViewFilter } from '@spiral/ports';
import type { Filter, Sort } from 'mongodb';

/**
 * Where the whole view document is kept, as JSON text: FerretDB v1 refuses nested arrays (which
 * chart documents hold), and JSON keeps what the embedded store keeps, key order and all. The name
 * is no plain identifier, so no view field can take it.
 */
export const DOCUMENT_FIELD = '@document';

/**
 * A view document as stored: the JSON text, plus a copy of each filterable top-level field for
 * filters, sorts and indexes (scalars as they are; objects and arrays as `{}`, which equals no
 * filter value and is not null, as in the embedded store), and the view id as _id.
 */
export type StoredView = { _id: string; [DOCUMENT_FIELD]: string } & Record<string, unknown>;

/** The port's rule for field names; it also keeps operators ($where) and paths (a.b) out of queries. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether a top-level field can be filtered on, and so is copied beside the JSON. */
export function isFilterable(field: string): boolean {
  return FIELD_NAME.test(field) && field !== '_id';
}

export function checkFieldName(field: string): string {
  if (!FIELD_NAME.test(field)) throw new RangeError(`view field name ${JSON.stringify(field)} is not a plain identifier`);
  if (field === '_id') throw new RangeError('view field name _id is reserved for the document id');
  return field;
}

export interface MongoFind {
  readonly filter: Filter<StoredView>;
  readonly sort: Sort;
  readonly limit: number | undefined;
  /** Fields worth an index: the filter's, then the sort's. */
  readonly indexFields: readonly string[];
}

/**
 * A find as a MongoDB query. Equality on a top-level field compares type and value as the port
 * asks ('1' is not 1), and null matches a null or missing field: MongoDB's own semantics. Values
 * are checked at run time too, so an object ({$ne: …}) from untyped code cannot become an operator.
 */
export function buildFind(filter: ViewFilter = {}, options: FindOptions = {}): MongoFind {
  const query: Filter<StoredView> = {};
  for (const [field, value] of Object.entries(filter)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new TypeError(`filter value of ${field} must be a string, number, boolean or null`);
    }
    query[checkFieldName(field)] = value;
  }
  // Ties, and finds without a sort, come in id order, as on every engine.
  const sort: Sort = options.sortBy === undefined
    ? { _id: 1 }
    : { [checkFieldName(options.sortBy)]: options.descending ? -1 : 1, _id: 1 };
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) {
    throw new RangeError('limit must be a positive integer');
  }
  const indexFields = [...Object.keys(query), ...(options.sortBy === undefined ? [] : [options.sortBy])];
  return { filter: query, sort, limit: options.limit, indexFields };
}

export function fromStored(stored: StoredView): Record<string, unknown> {
  const document: unknown = JSON.parse(stored[DOCUMENT_FIELD]);
  return document as Record<string, unknown>;
}
