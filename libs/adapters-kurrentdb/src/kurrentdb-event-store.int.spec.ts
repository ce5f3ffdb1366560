import { eventStoreContract, pendingEvent, rejectionOf, uniqueStreamId, type EventStoreHarness } from '@spiral/ports/testing';
import { EventIdInUse } from '@spiral/ports';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { kurrentDbServerSource, startKurrentDbContainer, type RunningKurrentDb } from './testing/kurrentdb-server';

/**
 * The EventStore contract on a real KurrentDB: the server at ESDB_URL, or a container when Docker
 * is there (`npm run test:kurrentdb`). Without either it is skipped, saying why, except when
 * SPIRAL_REQUIRE_KURRENTDB=1 (set by `npm run test:kurrentdb`), where that is a failure.
 */
const source = kurrentDbServerSource();
let server: RunningKurrentDb | undefined;

function url(): string {
  if (source.kind === 'url') return source.url;
  if (server === undefined) throw new Error('the KurrentDB container did not start');
  return server.url;
}

function connect(): Promise<EventStoreHarness> {
  let open = KurrentDbEventStore.connect(url());
  return Promise.resolve({
    store: open,
    // Nothing to remove: streams are named uniquely per test, so a shared server keeps them.
    reopen: async () => {
      await open.close();
      open = KurrentDbEventStore.connect(url());
      return open;
    },
    cleanup: () => open.close(),
  });
}

if (source.kind === 'none') {
  if (process.env['SPIRAL_REQUIRE_KURRENTDB'] === '1') {
    it('needs a KurrentDB server', () => {
      throw new Error(`cannot run the KurrentDB contract: ${source.why}`);
    });
  } else {
    describe.skip(`KurrentDbEventStore (skipped: ${source.why}; run npm run test:kurrentdb where Docker is)`, () => {
      it('runs the EventStore contract', () => undefined);
    });
  }
} else {
  beforeAll(async () => {
    if (source.kind === 'container') server = await startKurrentDbContainer();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  eventStoreContract('KurrentDbEventStore', connect);

  describe('KurrentDbEventStore beyond the contract', () => {
    it('names the stream that holds an event id another stream asks for', async () => {
      const store = KurrentDbEventStore.connect(url());
      try {
        const [a, b] = [uniqueStreamId(), uniqueStreamId()];
        const taken = pendingEvent();
        await store.append(a, [taken], 'no_stream');
        const error = await rejectionOf(store.append(b, [taken], 'any'));
        expect(error).toBeInstanceOf(EventIdInUse);
        expect(error).toMatchObject({ storedIn: a });
      } finally {
        await store.close();
      }
    });

    it('completes subscriptions and reports itself down once closed', async () => {
      const store = KurrentDbEventStore.connect(url());
      let completed = false;
      store.subscribeToAll(await store.headPosition()).subscribe({ complete: () => (completed = true) });
      await store.close();
      expect(completed).toBe(true);
      expect((await store.health()).ok).toBe(false);
    });
  });
}
