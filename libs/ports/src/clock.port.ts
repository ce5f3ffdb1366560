/** The time source, behind a port so tests and replays fix it. */
export interface Clock {
  /** Now, as an ISO 8601 instant. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
