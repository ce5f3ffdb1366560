import { IntersectionType, OmitType } from '@nestjs/swagger';
import { FieldTestStartedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /practices/:id/field-tests: the sites and protocol; the practice is the path's, the id the server's. */
export class StartFieldTestRequest extends IntersectionType(
  OmitType(FieldTestStartedData, ['fieldTestId', 'practiceId'] as const),
  CommandRequest,
) {}
