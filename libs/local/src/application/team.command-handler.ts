import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter } from '@spiral/command-handling';
import { streamIds } from '@spiral/event-catalogue';
import type { TeamCommand } from '../domain/team/team.commands';
import { teamDecider } from '../domain/team/team.decider';

/** A command for one team's stream. */
export class ExecuteTeamCommand extends AggregateCommand<TeamCommand> {}

/** Registration, capabilities and support received need no other stream's facts: the decider has all it needs. */
@CommandHandler(ExecuteTeamCommand)
export class TeamCommandHandler implements ICommandHandler<ExecuteTeamCommand> {
  constructor(private readonly writer: CommandWriter) {}

  execute({ aggregateId, envelope }: ExecuteTeamCommand) {
    return this.writer.execute(teamDecider, streamIds.team(aggregateId), envelope);
  }
}
