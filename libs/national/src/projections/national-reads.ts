import { resolveAsOf } from '@spiral/analytics';
import { openOnce, type JobHandler } from '@spiral/jobs';
import type { ViewStore } from '@spiral/ports';
import { RecordedGenerationViews } from '@spiral/projections';
import { nationalViewProjection } from './national-view.projection';
import { NationalViewReader } from './national-view.reader';

/** The reads thread's kinds of national reads (ThreadReads), and what each is asked with. */
export const NATIONAL_VIEW_READ = 'national-view';
export const PRACTICE_SPREAD_READ = 'practice-spread';

export interface NationalViewRead {
  /** Resolved by the request; absent: the latest event the view holds, else `now`. */
  readonly asOf?: string;
  readonly now: string;
}

export interface PracticeSpreadRead {
  readonly practiceId: string;
  readonly asOf: string;
  readonly onlyRegion?: string;
}

/**
 * The national reads as the reads thread serves them, as JSON text (null: no such practice by
 * then). One reader per view store, kept by the thread, so the documents it holds serve read after
 * read until the view changes (NationalViewReader); each read follows the generation the store
 * records as serving (a new version catching up is not read half built).
 */
export class NationalReads {
  private readonly generations: RecordedGenerationViews;
  private readonly reader: NationalViewReader;

  constructor(views: ViewStore) {
    this.generations = new RecordedGenerationViews(views, nationalViewProjection);
    this.reader = new NationalViewReader(this.generations.views);
  }

  async view({ asOf, now }: NationalViewRead): Promise<string> {
    await this.generations.follow();
    const moment = asOf ?? (await this.reader.latestEventAt());
    return this.reader.readText(resolveAsOf(moment, now));
  }

  async spread({ practiceId, ...options }: PracticeSpreadRead): Promise<string | null> {
    await this.generations.follow();
    const spread = await this.reader.spread(practiceId, options);
    return spread === undefined ? null : JSON.stringify(spread);
  }
}

/** The reads thread's national handlers, on the views `viewsOf` opens for the thread (one reader for all of its reads). */
export function nationalReadHandlers<C>(viewsOf: (config: C) => Promise<ViewStore>): Record<string, JobHandler<C>> {
  const readsOf = openOnce(async (config: C) => new NationalReads(await viewsOf(config)));
  return {
    [NATIONAL_VIEW_READ]: async (input: NationalViewRead, config) => (await readsOf(config)).view(input),
    [PRACTICE_SPREAD_READ]: async (input: PracticeSpreadRead, config) => (await readsOf(config)).spread(input),
  };
}
