import { ApiProperty } from '@nestjs/swagger';
import type { EventEnvelope } from '@spiral/event-catalogue';
import { IdParams } from '@spiral/http';
import { IsIn } from 'class-validator';
import { measurementsOf, type Point } from './measurements';
import { pageOf, type Page, type RecordPageQuery } from './record-page';
import { spiralRecordOf } from './spiral-record';

/** The record's lists that grow with the spiral's life, each read a page at a time. */
export const RECORD_LISTS = ['knowledge', 'support', 'cycles', 'assessments', 'measurements'] as const;
export type RecordList = (typeof RECORD_LISTS)[number];

/** GET /spirals/:id/record/:list: the spiral and which list of its record. */
export class RecordListParams extends IdParams {
  @ApiProperty({ enum: RECORD_LISTS })
  @IsIn(RECORD_LISTS)
  list!: RecordList;
}

/** One page of one list: record entries by revision, points by period (a point entered late lands in order). */
export function recordListPage(events: readonly EventEnvelope[], list: RecordList, query: RecordPageQuery): Page<object> {
  if (list === 'measurements') return pageOf<Point>(measurementsOf(events), (point) => point.period, query);
  return pageOf<{ revision: number }>(spiralRecordOf(events)[list], (entry) => entry.revision, query);
}
