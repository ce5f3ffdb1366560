import { IntersectionType, OmitType } from '@nestjs/swagger';
import { ChangeCycleCompletedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals/:id/cycles: the event's fields but the cycle number, which the spiral assigns. */
export class CompleteChangeCycleRequest extends IntersectionType(
  OmitType(ChangeCycleCompletedData, ['spiralId', 'cycleNumber'] as const),
  CommandRequest,
) {}
