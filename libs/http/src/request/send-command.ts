import type { CommandBus } from '@nestjs/cqrs';
import type { AggregateCommand, CommandEnvelope } from '@spiral/command-handling';
import { commandResponse, type CommandResponse } from './command-response';
import { toEnvelope, type CommandMetadata } from './command-metadata';
import type { CommandRequest } from './command-request';

/** The bus message of one aggregate, e.g. ExecuteSpiralCommand. */
export type AggregateMessage<TCommand> = new (aggregateId: string, envelope: CommandEnvelope<TCommand>) => AggregateCommand<TCommand>;

/**
 * What every command route does once its body is valid: the body's occurredAt goes to the envelope,
 * the rest to the domain command; the answer is the 201 body for the aggregate `id`.
 */
export async function sendCommand<TCommand, TBody extends CommandRequest>(
  bus: CommandBus,
  message: AggregateMessage<TCommand>,
  id: string,
  meta: CommandMetadata,
  body: TBody,
  // NoInfer: the command union comes from the message alone, and each route's command is checked against it.
  toCommand: (fields: Omit<TBody, 'occurredAt'>) => NoInfer<TCommand>,
): Promise<CommandResponse> {
  const { occurredAt, ...fields } = body;
  const command = toCommand(fields);
  const asked = { command: (command as { type?: unknown }).type, body: fields };
  const result = await bus.execute(new message(id, toEnvelope(meta, command, occurredAt, asked)));
  return commandResponse(id, result);
}
