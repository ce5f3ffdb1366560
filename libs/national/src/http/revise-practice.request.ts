import { IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { PracticeRevisedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/**
 * POST /practices/:id/revision: what changed, and the evidence level of the new version, which may be
 * left out to keep the current one. The decider numbers the version.
 */
export class RevisePracticeRequest extends IntersectionType(
  PickType(PracticeRevisedData, ['changes'] as const),
  PartialType(PickType(PracticeRevisedData, ['evidenceLevel'] as const)),
  CommandRequest,
) {}
