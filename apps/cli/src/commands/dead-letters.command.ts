import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { EMBEDDED_PROJECTIONS } from '@spiral/embedded-system';
import { parkedEventsIn, ProjectionRunner } from '@spiral/projections';
import { systemClock, type EventFeed } from '@spiral/ports';
import { Command } from 'commander';
import { historyFolderOf } from './data-folder';

// Replays apply parked events directly; they never consume a feed.
const noFeed = {} as EventFeed;

interface Folder {
  readonly dataDir?: string;
}

async function withViews<T>(options: Folder, work: (views: SqliteViewStore, store: SqliteEventStore) => Promise<T>): Promise<T> {
  const dataDir = historyFolderOf(options.dataDir);
  const store = await SqliteEventStore.open(dataDir);
  const views = await SqliteViewStore.open(dataDir);
  try {
    return await work(views, store);
  } finally {
    await views.close();
    await store.close();
  }
}

/**
 * `spiral dead-letters list|replay`: the events projections parked (an event a projection kept
 * failing on is set aside with its error so the rest of the feed flows on), and replaying them once
 * the projection is fixed, i.e. after upgrading Spiral.
 */
export function deadLettersCommand(): Command {
  const folder = ['--data-dir <folder>', 'the data folder (default SPIRAL_DATA_DIR or ./data)'] as const;
  const list = new Command('list')
    .description('list the parked events of every projection: projection, event, stream, type, attempts, error')
    .option(...folder)
    .action((options: Folder) =>
      withViews(options, async (views) => {
        let count = 0;
        for (const projection of EMBEDDED_PROJECTIONS) {
          for (const parked of await parkedEventsIn(views, projection)) {
            count += 1;
            process.stdout.write(`${projection.name}\t${parked.eventId}\t${parked.streamId}@${parked.streamRevision}\t${parked.type}\t${parked.attempts}\t${parked.error}\n`);
          }
        }
        process.stderr.write(`${count} parked events\n`);
      }),
    );
  const replay = new Command('replay')
    .description('apply the parked events again (all, or the ids given) and remove those that now succeed (stop the server first)')
    .argument('[eventIds...]', 'only these events')
    .option(...folder)
    .action((eventIds: string[], options: Folder) =>
      withViews(options, async (views, store) => {
        let failing = 0;
        for (const projection of EMBEDDED_PROJECTIONS) {
          const runner = new ProjectionRunner(projection, noFeed, views, store, systemClock);
          const result = await runner.replayParked(eventIds.length > 0 ? eventIds : undefined);
          for (const eventId of result.replayed) process.stdout.write(`${projection.name}\t${eventId}\treplayed\n`);
          for (const { eventId, error } of result.stillFailing) process.stdout.write(`${projection.name}\t${eventId}\tstill failing: ${error}\n`);
          failing += result.stillFailing.length;
        }
        if (failing > 0) process.exitCode = 1;
      }),
    );
  return new Command('dead-letters').description('events the projections parked, and replaying them after a fix').addCommand(list).addCommand(replay);
}
