import { IntersectionType, OmitType } from '@nestjs/swagger';
import { SustainabilityAssessedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals/:id/sustainability: who assessed and the factors rated; the spiral is the path's. */
export class AssessSustainabilityRequest extends IntersectionType(
  OmitType(SustainabilityAssessedData, ['spiralId'] as const),
  CommandRequest,
) {}
