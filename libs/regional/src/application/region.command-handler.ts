import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter, PublishedFactsReader } from '@spiral/command-handling';
import { streamIds } from '@spiral/event-catalogue';
import type { LaunchSpreadStrategy, ProvideSupport, RegionCommand, SetRegionalPriority } from '../domain/region/region.commands';
import { regionDecider } from '../domain/region/region.decider';

/** What a caller asks of a region; the handler adds the other contexts' facts the decision needs. */
export type RegionRequest = SetRegionalPriority | Omit<ProvideSupport, 'team'> | Omit<LaunchSpreadStrategy, 'practice' | 'organisationRegions'>;

/** A command for one region's stream; the aggregate id is the SHA code. */
export class ExecuteRegionCommand extends AggregateCommand<RegionRequest> {}

@CommandHandler(ExecuteRegionCommand)
export class RegionCommandHandler implements ICommandHandler<ExecuteRegionCommand> {
  constructor(
    private readonly writer: CommandWriter,
    private readonly facts: PublishedFactsReader,
  ) {}

  async execute({ aggregateId, envelope }: ExecuteRegionCommand) {
    const command = await this.withFacts(envelope.command);
    return this.writer.execute(regionDecider, streamIds.region(aggregateId), { ...envelope, command });
  }

  /** Each organisation's region from its own stream (at most 100 codes, the payload's cap). */
  private async regionsOf(orgCodes: readonly string[]): Promise<Record<string, string | undefined>> {
    const facts = await Promise.all(orgCodes.map((code) => this.facts.organisation(code)));
    return Object.fromEntries(orgCodes.map((code, i) => [code, facts[i]?.shaCode]));
  }

  private async withFacts(request: RegionRequest): Promise<RegionCommand> {
    switch (request.type) {
      case 'SetRegionalPriority':
        return request;
      case 'ProvideSupport':
        return { ...request, team: await this.facts.team(request.teamId) };
      case 'LaunchSpreadStrategy':
        return { ...request, practice: await this.facts.practice(request.practiceId), organisationRegions: await this.regionsOf(request.organisations) };
      default: {
        const unexpected: never = request;
        return unexpected;
      }
    }
  }
}
