import { ConfigError } from './embedded-config';

/** How the listening address fails, by Node's error code, and what to set instead. */
const ADDRESS_PROBLEMS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'another process listens there: stop it, or set PORT to a free port',
  EACCES: 'this user may not listen there: set PORT to 1024 or above',
  EADDRNOTAVAIL: 'HOST is not an address of this machine: set HOST to one (127.0.0.1 by default)',
  ENOTFOUND: 'HOST is no address or known name: set HOST to an address of this machine',
};

/**
 * What to tell a person whose server cannot start, on one line, or undefined for a fault of ours
 * (whose stack is then worth printing). A bad setting or a busy port is the person's to fix, and a
 * stack trace of Node's internals says nothing about how.
 */
export function cannotStartReason(error: unknown): string | undefined {
  if (error instanceof ConfigError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const problem = typeof code === 'string' ? ADDRESS_PROBLEMS[code] : undefined;
  return problem === undefined ? undefined : `${(error as Error).message}: ${problem}`;
}
