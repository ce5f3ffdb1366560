import { existsSync } from 'node:fs';

/**
 * Where the KurrentDB integration tests find a server: ESDB_URL when set (a server you run), else
 * a throwaway container through testcontainers when a Docker daemon may be reachable, else none.
 */
export type KurrentDbServerSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'container' } | { readonly kind: 'none'; readonly why: string };

/** The image the container runs; KURRENTDB_IMAGE overrides it. */
export const KURRENTDB_IMAGE = process.env['KURRENTDB_IMAGE'] ?? 'kurrentplatform/kurrentdb:25.0';

export function kurrentDbServerSource(env: NodeJS.ProcessEnv = process.env): KurrentDbServerSource {
  const url = env['ESDB_URL'];
  if (url) return { kind: 'url', url };
  if (env['DOCKER_HOST'] || existsSync('/var/run/docker.sock')) return { kind: 'container' };
  return { kind: 'none', why: 'ESDB_URL is not set and no Docker daemon socket was found (DOCKER_HOST, /var/run/docker.sock)' };
}

export interface RunningKurrentDb {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts a single insecure KurrentDB node and waits for its own health check. */
export async function startKurrentDbContainer(): Promise<RunningKurrentDb> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(KURRENTDB_IMAGE)
    .withExposedPorts(2113)
    .withEnvironment({
      KURRENTDB_CLUSTER_SIZE: '1',
      KURRENTDB_INSECURE: 'true',
      KURRENTDB_RUN_PROJECTIONS: 'All',
      KURRENTDB_START_STANDARD_PROJECTIONS: 'true',
      KURRENTDB_MEM_DB: 'true',
    })
    .withWaitStrategy(Wait.forHealthCheck())
    .withStartupTimeout(120_000)
    .start();
  const url = `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  return { url, stop: async () => void (await container.stop()) };
}
