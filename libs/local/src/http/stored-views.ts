import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@spiral/decider';
import { VIEW_STORE, type ViewFilter, type ViewStore } from '@spiral/ports';
import { storedCollection, type Projection } from '@spiral/projections';
import type { TrackedDocument } from '@spiral/projections';

/**
 * Reads the local views as the projections stored them, never by replaying a stream: a read answers
 * what is stored, as current as the projection's checkpoint (GET /health shows its lag).
 */
@Injectable()
export class StoredViews {
  constructor(@Inject(VIEW_STORE) private readonly views: ViewStore) {}

  find<T extends TrackedDocument>(projection: Projection, collection: string, id: string): Promise<T | undefined> {
    return this.views.get<T>(storedCollection(projection, collection), id);
  }

  /** The documents of a collection that match the filter. */
  list<T extends TrackedDocument>(projection: Projection, collection: string, filter: ViewFilter): Promise<T[]> {
    return this.views.find<T>(storedCollection(projection, collection), filter);
  }

  /** The stored view, or 404 naming what was asked for. */
  async get<T extends TrackedDocument>(projection: Projection, collection: string, id: string, what: string): Promise<T> {
    const view = await this.find<T>(projection, collection, id);
    if (view === undefined) throw new NotFound(what, id);
    return view;
  }
}
