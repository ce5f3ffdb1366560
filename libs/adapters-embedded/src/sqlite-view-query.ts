import type { FindOptions, ViewFilter } from '@spiral/ports';

export type SqlValue = string | number | null;

export interface FindQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Top-level field names only: they become JSON paths, so nothing else may reach the SQL. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function jsonPath(field: string): string {
  if (!FIELD_NAME.test(field)) throw new RangeError(`view field name ${JSON.stringify(field)} is not a plain identifier`);
  return `$.${field}`;
}

/**
 * A find as parameterised SQL. Equality compares the JSON type as well as the value, because
 * json_extract turns true into 1 and would otherwise match a number; null matches JSON null and a
 * missing field alike, as MongoDB does, so every engine answers the same.
 */
export function buildFindQuery(collection: string, filter: ViewFilter = {}, options: FindOptions = {}): FindQuery {
  const where = ['collection = ?'];
  const params: SqlValue[] = [collection];
  for (const [field, value] of Object.entries(filter)) {
    const path = jsonPath(field);
    if (value === null) {
      where.push(`COALESCE(json_type(document, ?), 'null') = 'null'`);
      params.push(path);
    } else if (typeof value === 'boolean') {
      where.push('json_type(document, ?) = ?');
      params.push(path, value ? 'true' : 'false');
    } else if (typeof value === 'number') {
      where.push(`json_type(document, ?) IN ('integer', 'real') AND json_extract(document, ?) = ?`);
      params.push(path, path, value);
    } else {
      where.push(`json_type(document, ?) = 'text' AND json_extract(document, ?) = ?`);
      params.push(path, path, value);
    }
  }
  const direction = options.descending ? 'DESC' : 'ASC';
  let order = 'id ASC';
  if (options.sortBy !== undefined) {
    order = `json_extract(document, ?) ${direction}, id ASC`;
    params.push(jsonPath(options.sortBy));
  }
  let limit = '';
  if (options.limit !== undefined) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`limit must be a positive integer`);
    limit = ' LIMIT ?';
    params.push(options.limit);
  }
  return { sql: `SELECT document FROM views WHERE ${where.join(' AND ')} ORDER BY ${order}${limit}`, params };
}
