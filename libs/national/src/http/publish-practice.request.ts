import { IntersectionType, OmitType } from '@nestjs/swagger';
import { PracticePublishedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /practices/:id/publication: the event's fields but the practice (the path) and the version (the decider numbers it). */
export class PublishPracticeRequest extends IntersectionType(
  OmitType(PracticePublishedData, ['practiceId', 'version'] as const),
  CommandRequest,
) {}
