import { IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { IsBoundedList, MeasurementRecordedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** Ten years of weekly points fit in one request; more is split by the client. */
export const MAX_POINTS_PER_REQUEST = 520;

/** One point of the measure: the event's own period and value rules. */
export class MeasurementPoint extends PickType(MeasurementRecordedData, ['period', 'value'] as const) {}

class MeasurementPoints {
  @IsArray()
  @ArrayMinSize(1)
  @IsBoundedList(MAX_POINTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => MeasurementPoint)
  points!: MeasurementPoint[];
}

/** POST /spirals/:id/measurements: `{points[{period, value}]}`; each point is stored as one event. */
export class RecordMeasurementsRequest extends IntersectionType(MeasurementPoints, CommandRequest) {}
