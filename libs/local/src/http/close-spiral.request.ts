import { IntersectionType, OmitType } from '@nestjs/swagger';
import { SpiralClosedData } from '@spiral/event-catalogue';
import { CommandRequest } from '@spiral/http';

/** POST /spirals/:id/close: the outcome and what was learned; the spiral is the path's. */
export class CloseSpiralRequest extends IntersectionType(OmitType(SpiralClosedData, ['spiralId'] as const), CommandRequest) {}
