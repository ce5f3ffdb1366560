import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '@spiral/http';
import { CLOCK, EVENT_STORE, type Clock, type EventStore } from '@spiral/ports';
import { evaluate, InvalidEvaluationRequest, type EvaluationAnswer } from '../evaluation/evaluation-request';
import { ISOLATED_COPIES, type IsolatedCopies } from '../isolated-copies';
import { EvaluationQuery } from './evaluation.query';
import { REPLAY_ROLES } from './replays.controller';

/**
 * GET /evaluation: per practice and per region, as of a moment (now when absent), compared with
 * another moment or over a period. Each moment is a replay into an isolated copy, so an answer
 * takes as long as reading the history once per moment: seconds on a seeded store.
 */
@ApiTags('analysts')
@Controller('evaluation')
@AllowRoles(...REPLAY_ROLES)
export class EvaluationController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ISOLATED_COPIES) private readonly copies: IsolatedCopies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async read(@Query() query: EvaluationQuery): Promise<EvaluationAnswer> {
    try {
      return await evaluate(this.store, this.copies, query, this.clock.now());
    } catch (error) {
      if (error instanceof InvalidEvaluationRequest) {
        throw new BadRequestException({ error: 'invalid_input', message: error.message, problems: [{ field: error.message.split(':')[0] ?? 'query', reason: error.message }] });
      }
      throw error;
    }
  }
}
