import { IntersectionType, OmitType } from '@nestjs/swagger';
import { PracticeRetiredData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /practices/:id/retirement: why it leaves the catalogue. */
export class RetirePracticeRequest extends IntersectionType(OmitType(PracticeRetiredData, ['practiceId'] as const), CommandRequest) {}
