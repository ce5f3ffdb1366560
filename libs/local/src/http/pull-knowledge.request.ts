import { IntersectionType, OmitType } from '@nestjs/swagger';
import { KnowledgePulledData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals/:id/knowledge: the event's fields; the spiral is the path's. */
export class PullKnowledgeRequest extends IntersectionType(OmitType(KnowledgePulledData, ['spiralId'] as const), CommandRequest) {}
