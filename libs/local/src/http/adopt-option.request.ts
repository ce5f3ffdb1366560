import { IntersectionType, OmitType } from '@nestjs/swagger';
import { OptionAdoptedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/**
 * POST /spirals/:id/adoption: the event's fields but the practice and its version, which come from
 * the appraised option and the catalogue, never from the client.
 */
export class AdoptOptionRequest extends IntersectionType(
  OmitType(OptionAdoptedData, ['spiralId', 'practiceId', 'practiceVersion'] as const),
  CommandRequest,
) {}
