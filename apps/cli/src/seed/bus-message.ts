import type { AggregateCommand } from '@spiral/command-handling';
import { ExecuteSpiralCommand, ExecuteTeamCommand } from '@spiral/local';
import { ExecuteFieldTestCommand, ExecuteNationalPrioritiesCommand, ExecutePracticeCommand } from '@spiral/national';
import { ExecuteNetworkCommand, ExecuteRegionCommand } from '@spiral/regional';
import type { PlannedCommand } from './planned-command';

/** The same bus message the HTTP controllers send for each aggregate. */
export function messageFor(planned: PlannedCommand): AggregateCommand<unknown> {
  switch (planned.kind) {
    case 'team':
      return new ExecuteTeamCommand(planned.aggregateId, planned.envelope);
    case 'spiral':
      return new ExecuteSpiralCommand(planned.aggregateId, planned.envelope);
    case 'region':
      return new ExecuteRegionCommand(planned.aggregateId, planned.envelope);
    case 'network':
      return new ExecuteNetworkCommand(planned.aggregateId, planned.envelope);
    case 'practice':
      return new ExecutePracticeCommand(planned.aggregateId, planned.envelope);
    case 'fieldTest':
      return new ExecuteFieldTestCommand(planned.aggregateId, planned.envelope);
    case 'nationalPriorities':
      return new ExecuteNationalPrioritiesCommand(planned.envelope);
    default: {
      const unexpected: never = planned;
      return unexpected;
    }
  }
}
