import type { EventEnvelope } from '@spiral/event-catalogue';
import { systemClock, type EventStore, type ViewStore } from '@spiral/ports';
import { ProjectionRunner, type HistoryViewSession, type Projection } from '@spiral/projections';
import { storeDriven } from '../replay-views';

/**
 * Some projections folded into one view store (an isolated copy) from events handed to it in
 * global order: each runner keeps its documents in a history session across pages, as a rebuild
 * does; the events taken wait for the next flush, and a commit writes what changed, once.
 */
export class ViewsFold {
  private readonly runners: { readonly runner: ProjectionRunner; readonly history: HistoryViewSession }[];
  private page: EventEnvelope[] = [];

  constructor(
    readonly views: ViewStore,
    projections: readonly Projection[],
    store: EventStore,
  ) {
    this.runners = projections.map((projection) => {
      const runner = new ProjectionRunner(projection, storeDriven, views, store, systemClock);
      return { runner, history: runner.historySession() };
    });
  }

  take(event: EventEnvelope): void {
    this.page.push(event);
  }

  /** Applies the events taken since the last flush; their documents stay in the sessions. */
  async flush(): Promise<void> {
    if (this.page.length === 0) return;
    const events = this.page;
    this.page = [];
    for (const { runner, history } of this.runners) await runner.apply(events, { history });
  }

  /** Everything taken so far, stored: what readers of its view store then read. */
  async commit(): Promise<void> {
    await this.flush();
    for (const { runner, history } of this.runners) await runner.commitHistory(history);
  }
}
