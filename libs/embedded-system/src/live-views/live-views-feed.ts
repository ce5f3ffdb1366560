import type { EngineHealth, EventFeed, FeedSubscription } from '@spiral/ports';

/** What the server's thread knows of its live views' worker thread, for /health. */
export interface LiveViewsState {
  readonly running: boolean;
  readonly detail: string;
}

/**
 * The embedded feed as the server's thread sees it: its consumers (the projection runners, the gains
 * process manager) run in the live views' worker thread, so here it only reports on them, and /health
 * is degraded (503) while that thread is down: commands are taken, views are not kept current.
 */
export class LiveViewsFeed implements EventFeed {
  readonly ordering = 'global' as const;

  constructor(private readonly state: () => LiveViewsState) {}

  /** As the in-process feed: its consumers read the store's own subscription, so there is nothing to publish. */
  publish(): Promise<void> {
    return Promise.resolve();
  }

  consume(options: { readonly group: string }): Promise<FeedSubscription> {
    return Promise.reject(new Error(`feed group ${options.group}: the embedded feed's consumers run in the live views' worker thread (see live-views.worker.ts), not beside the server`));
  }

  health(): Promise<EngineHealth> {
    const { running, detail } = this.state();
    return Promise.resolve({ engine: 'in-process (live views worker thread)', ok: running, detail });
  }

  /** The worker thread is stopped by its host (LiveViewsThread) before the engines close. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
