import { IntersectionType, OmitType } from '@nestjs/swagger';
import { FieldTestConcludedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /field-tests/:id/conclusion: the verdict; the field test is the path's, its practice already known. */
export class ConcludeFieldTestRequest extends IntersectionType(
  OmitType(FieldTestConcludedData, ['fieldTestId', 'practiceId'] as const),
  CommandRequest,
) {}
