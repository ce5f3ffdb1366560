import { openOnce, type JobHandler } from '@spiral/jobs';
import type { ViewStore } from '@spiral/ports';
import { RecordedGenerationViews } from '@spiral/projections';
import { regionalViewProjection } from './regional-view.projection';
import { RegionalViewReader, type RegionalViewQueryOptions } from './regional-view.reader';

/** The reads thread's kind of regional read (ThreadReads), and what it is asked with. */
export const REGIONAL_VIEW_READ = 'regional-view';

export type RegionalViewRead = RegionalViewQueryOptions & { readonly shaCode: string };

/**
 * The regional view as the reads thread serves it, as JSON text (null: a region Spiral does not
 * know). One reader per view store, kept by the thread, so the documents it holds serve read after
 * read until the view changes (RegionalViewReader); each read follows the generation the store
 * records as serving (a new version catching up is not read half built).
 */
export class RegionalReads {
  private readonly generations: RecordedGenerationViews;
  private readonly reader: RegionalViewReader;

  constructor(views: ViewStore) {
    this.generations = new RecordedGenerationViews(views, regionalViewProjection);
    this.reader = new RegionalViewReader(this.generations.views);
  }

  async view({ shaCode, ...query }: RegionalViewRead): Promise<string | null> {
    await this.generations.follow();
    const view = await this.reader.read(shaCode, query);
    return view === undefined ? null : JSON.stringify(view);
  }
}

/** The reads thread's regional handler, on the views `viewsOf` opens for the thread (one reader for all of its reads). */
export function regionalReadHandlers<C>(viewsOf: (config: C) => Promise<ViewStore>): Record<string, JobHandler<C>> {
  const readsOf = openOnce(async (config: C) => new RegionalReads(await viewsOf(config)));
  return { [REGIONAL_VIEW_READ]: async (input: RegionalViewRead, config) => (await readsOf(config)).view(input) };
}
