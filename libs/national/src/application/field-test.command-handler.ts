import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter } from '@spiral/command-handling';
import { streamIds } from '@spiral/event-catalogue';
import type {
  ConcludeFieldTest,
  FieldTestCommand,
  PracticeUnderTest,
  ReportFieldTestSite,
  StartFieldTest,
} from '../domain/field-test/field-test.commands';
import { fieldTestDecider } from '../domain/field-test/field-test.decider';
import { practiceDecider } from '../domain/practice/practice.decider';

/** What a caller asks of a field test; the handler adds the practice under test as it stands. */
export type FieldTestRequest = Omit<StartFieldTest, 'practice'> | ReportFieldTestSite | ConcludeFieldTest;

/** A command for one field test's stream. */
export class ExecuteFieldTestCommand extends AggregateCommand<FieldTestRequest> {}

@CommandHandler(ExecuteFieldTestCommand)
export class FieldTestCommandHandler implements ICommandHandler<ExecuteFieldTestCommand> {
  constructor(private readonly writer: CommandWriter) {}

  async execute({ aggregateId, envelope }: ExecuteFieldTestCommand) {
    const request = envelope.command;
    const command: FieldTestCommand =
      request.type === 'StartFieldTest' ? { ...request, practice: await this.practice(request.practiceId) } : request;
    return this.writer.execute(fieldTestDecider, streamIds.fieldTest(aggregateId), { ...envelope, command });
  }

  /** The practice is this context's own aggregate, so its state is read with its own decider. */
  private async practice(practiceId: string): Promise<PracticeUnderTest | undefined> {
    const { state } = await this.writer.load(practiceDecider, streamIds.practice(practiceId));
    return state.status === 'unproposed' ? undefined : { practiceId: state.practiceId, status: state.status };
  }
}
