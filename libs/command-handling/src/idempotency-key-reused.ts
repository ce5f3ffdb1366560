/**
 * An Idempotency-Key sent again with another request (another command or body) on a stream where it
 * already stored something: answered 422 naming the key (the IETF idempotency-key draft's status
 * for a reused key), so the client never takes the first command's result for its own.
 */
export class IdempotencyKeyReused extends Error {
  readonly code = 'idempotency_key_reused';

  constructor(
    readonly idempotencyKey: string,
    readonly storedType: string,
  ) {
    super(`Idempotency-Key "${idempotencyKey}" was already used for a different request (it stored ${storedType}); send a new key for a new request, or repeat the first request exactly to retry it`);
  }
}
