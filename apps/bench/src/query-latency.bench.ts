import { BENCH_SECRET, startEmbeddedServer } from './embedded-server';
import { bearer, HttpClient } from './http-client';
import { closedLoop, type LoadResult } from './load';

export interface QueryLatencyRun {
  readonly regional: LoadResult;
  readonly national: LoadResult;
}

const CONNECTIONS = 4;
/** SHA codes of the seed (S01..S28); the bench cycles through the first few. */
const REGIONS = ['S01', 'S02', 'S03'];

/**
 * Reads of the level views over HTTP after a seed: the embedded server (own process) on the seeded
 * folder, an analyst reading GET /regions/:sha/view and GET /national/view from a few keep-alive
 * connections. Each view is computed from the projections' documents at read time.
 */
export async function queryLatency(dataDir: string, durationMs: number): Promise<QueryLatencyRun> {
  const server = await startEmbeddedServer(dataDir);
  const client = new HttpClient(server.base, CONNECTIONS);
  try {
    const headers = bearer(BENCH_SECRET, { sub: 'bench-analyst', role: 'analyst', org: null, sha: null });
    await client.expect(200, 'GET', 'national/view', headers); // warm-up, and proof the views are there
    const regional = await closedLoop(CONNECTIONS, durationMs, async (index) => {
      await client.expect(200, 'GET', `regions/${REGIONS[index % REGIONS.length] ?? 'S01'}/view`, headers);
    });
    const national = await closedLoop(CONNECTIONS, durationMs, async () => {
      await client.expect(200, 'GET', 'national/view', headers);
    });
    return { regional, national };
  } finally {
    client.close();
    await server.stop();
  }
}
