import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsQueryWholeNumber } from '@spiral/http';
import { IsOptional, Matches } from 'class-validator';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 200;

/** `?limit=&cursor=` of a long list of a spiral's record; anything else in the query answers 400. */
export class RecordPageQuery {
  @ApiPropertyOptional({ description: 'How many entries a page holds', default: DEFAULT_PAGE_LIMIT, minimum: 1, maximum: MAX_PAGE_LIMIT })
  @IsOptional()
  @IsQueryWholeNumber(1, MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor: the page starts after the entry it names" })
  @IsOptional()
  @Matches(/^(\d{1,9}|\d{4}-\d{2}-\d{2})$/, { message: "cursor must be a page's nextCursor" })
  cursor?: string;
}

/** One page of a list in its order; `nextCursor` is null on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly nextCursor: string | null;
}

/**
 * A cursor names the last entry of the page before (its revision, or a point's period), not a
 * position: a point entered late lands inside the list, and the next page still starts where the
 * reader stopped.
 */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string | number, { limit = DEFAULT_PAGE_LIMIT, cursor }: RecordPageQuery): Page<T> {
  const after = (item: T) => {
    const key = keyOf(item);
    return typeof key === 'number' ? key > Number(cursor) : key > (cursor ?? '');
  };
  const start = cursor === undefined ? 0 : items.findIndex(after);
  const from = start < 0 ? items.length : start;
  const page = items.slice(from, from + limit);
  const last = page.at(-1);
  return { items: page, total: items.length, nextCursor: from + limit < items.length && last !== undefined ? String(keyOf(last)) : null };
}


/** `?limit=` of GET /spirals/:id: the size of each list's first page; anything else answers 400. */
export class SpiralReadQuery extends OmitType(RecordPageQuery, ['cursor'] as const) {}
