import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@spiral/command-handling';
import { EVENT_FEED, EVENT_STORE, VIEW_STORE, type EventFeed, type EventStore, type ViewStore } from '@spiral/ports';
import { GAINS_PROCESS_MANAGER, GainsProcessManager } from './gains.process-manager';

/** Which of the local level's process managers a process runs; all when not provided. */
export const LOCAL_PROCESS_MANAGERS = Symbol('LocalProcessManagers');
export interface LocalProcessManagersOptions {
  /** False for a process that must not write gains itself, e.g. a bulk import that wants only its own events. */
  readonly gains: boolean;
}

/**
 * Runs the gains process manager from bootstrap to shutdown. It stops before the engines close
 * (beforeApplicationShutdown runs ahead of every onApplicationShutdown), so a batch in flight still
 * reaches the store.
 */
@Injectable()
export class GainsProcessManagerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly manager: GainsProcessManager;

  constructor(
    @Inject(EVENT_FEED) feed: EventFeed,
    @Inject(VIEW_STORE) private readonly views: ViewStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    commands: CommandBus,
    @Optional() @Inject(LOCAL_PROCESS_MANAGERS) private readonly options?: LocalProcessManagersOptions,
  ) {
    this.manager = new GainsProcessManager({ feed, views, store }, (command) => commands.execute<typeof command, CommandResult>(command));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options?.gains !== false) await this.manager.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.manager.stop();
  }

  /**
   * Resolves when the manager has handled everything stored up to now (tests, replays). Read from
   * its checkpoint, not from this host's manager: the embedded server runs the manager beside its
   * live views in a worker thread (gains: false here), and the checkpoint is what either commits.
   */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const behind = async () => (await this.store.headPosition()) - (await this.views.checkpoint(GAINS_PROCESS_MANAGER));
    while ((await behind()) > 0) {
      if (Date.now() > deadline) throw new Error(`the gains process manager is still behind after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
