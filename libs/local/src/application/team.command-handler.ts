import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter, PublishedFactsReader, type CommandEnvelope } from '@spiral/command-handling';
import { streamIds, type OrganisationFacts } from '@spiral/event-catalogue';
import { organisationDecider } from '../domain/organisation/organisation.decider';
import type { RegisterTeam, TeamCommand } from '../domain/team/team.commands';
import { teamDecider } from '../domain/team/team.decider';

/** A command for one team's stream. */
export class ExecuteTeamCommand extends AggregateCommand<TeamCommand> {}

/**
 * Registering a team names its organisation: the organisation's region is read from its stream
 * and, for an organisation never named before, fixed there first (SPEC "Access": the first fact
 * naming it fixes it). The team decider then refuses a region that disagrees. Capabilities and
 * support received need no other stream's facts.
 */
@CommandHandler(ExecuteTeamCommand)
export class TeamCommandHandler implements ICommandHandler<ExecuteTeamCommand> {
  constructor(
    private readonly writer: CommandWriter,
    private readonly facts: PublishedFactsReader,
  ) {}

  async execute({ aggregateId, envelope }: ExecuteTeamCommand) {
    const { command } = envelope;
    const withFacts = command.type === 'RegisterTeam' ? { ...command, organisation: await this.organisationOf(command, envelope) } : command;
    return this.writer.execute(teamDecider, streamIds.team(aggregateId), { ...envelope, command: withFacts });
  }

  private async organisationOf(command: RegisterTeam, envelope: CommandEnvelope<TeamCommand>): Promise<OrganisationFacts | undefined> {
    const known = await this.facts.organisation(command.orgCode);
    if (known !== undefined) return known;
    // Its own write, without the team's key or If-Match (they are the team stream's): naming the
    // organisation again with the same region stores nothing, so a retry passes here unchanged.
    const { actor, correlationId, causationId, occurredAt } = envelope;
    await this.writer.execute(organisationDecider, streamIds.organisation(command.orgCode), {
      command: { type: 'RegisterOrganisation', orgCode: command.orgCode, shaCode: command.shaCode },
      actor,
      correlationId,
      ...(causationId === undefined ? {} : { causationId }),
      ...(occurredAt === undefined ? {} : { occurredAt }),
    });
    return this.facts.organisation(command.orgCode);
  }
}
