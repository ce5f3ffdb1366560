import { localProjections } from '@spiral/local';
import { nationalProjections } from '@spiral/national';
import type { Projection } from '@spiral/projections';
import { regionalProjections } from '@spiral/regional';

/** Every level's live views, as the embedded system runs them (in its worker thread or in process). */
export const EMBEDDED_PROJECTIONS: readonly Projection[] = [...localProjections, ...regionalProjections, ...nationalProjections];
