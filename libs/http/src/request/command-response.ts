import type { CommandResult } from '@spiral/command-handling';

/** The 201 body: the ids and the new stream revision (use it as If-Match next time). */
export interface CommandResponse {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventIds: readonly string[];
}

export function commandResponse(id: string, result: CommandResult): CommandResponse {
  return { id, streamId: result.streamId, revision: result.revision, eventIds: result.eventIds };
}
