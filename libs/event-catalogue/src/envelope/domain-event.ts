/**
 * A fact as a decider produces it: a past-tense type name and its payload.
 * The `type` string equals the TypeScript type's name, so a reader finds one from the other.
 */
export interface DomainEvent<TType extends string = string, TData extends object = object> {
  readonly type: TType;
  readonly data: TData;
}
