import { InvalidInput, RuleViolated } from '@spiral/decider';
import { ratesAnyFactor, SpiralClosed, SustainabilityAssessed } from '@spiral/event-catalogue';
import type { AssessSustainability, CloseSpiral } from '../spiral.commands';
import type { RecognisedSpiral } from '../spiral.state';
import { assertAdopted } from './guards';

/** Step 5 (or during the change): the team rates the change on the Sustainability Model's factors. */
export function assessSustainability(command: AssessSustainability, spiral: RecognisedSpiral): SustainabilityAssessed[] {
  assertAdopted(spiral, 'assess the sustainability of its change');
  if (!ratesAnyFactor(command.factors)) {
    throw new InvalidInput([{ field: 'factors', reason: 'must rate at least one sustainability factor' }]);
  }
  return [
    SustainabilityAssessed.create({
      spiralId: spiral.spiralId,
      assessedBy: command.assessedBy,
      factors: { ...command.factors },
    }),
  ];
}

/**
 * Any open step may close. SPEC: a gain is decided from the data, not claimed, so a spiral closes
 * as `sustained` only when its chart has signalled a sustained gain that was not lost since.
 */
export function closeSpiral(command: CloseSpiral, spiral: RecognisedSpiral): SpiralClosed[] {
  if (command.outcome === 'sustained' && spiral.gainStatus !== 'sustained') {
    throw new RuleViolated(
      'gain_not_sustained',
      `spiral ${spiral.spiralId} has no sustained gain on its chart, so it cannot close as sustained`,
    );
  }
  return [SpiralClosed.create({ spiralId: spiral.spiralId, outcome: command.outcome, learning: command.learning })];
}
