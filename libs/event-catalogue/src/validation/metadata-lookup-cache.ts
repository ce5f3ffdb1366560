import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Metadatas = ReturnType<Lookup>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const CACHED = Symbol.for('spiral.validationMetadataLookupCached');

/**
 * class-validator looks a class's rules up again on every validate(), and for every nested object:
 * it filters the class's rules and walks EVERY registered class to find its parents (hundreds of
 * payload and request classes here), then groups the rules by property. Profiled under command load
 * this was the largest single cost of validation (about 4 % of the request thread). The answer
 * depends only on the registered rules, so it is kept per class and options until a rule is added.
 * Both validations use the one global storage: Nest's ValidationPipe (requests) and validatePayload
 * (events before they are appended). Neither caller changes the arrays it is given.
 */
export function cacheValidationMetadataLookups(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  let lookups = new Map<unknown, Map<string, Metadatas>>();
  let groupings = new WeakMap<Metadatas, Grouped>();
  const forget = () => {
    lookups = new Map();
    groupings = new WeakMap();
  };
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => (forget(), addValidation(metadata));
  storage.addConstraintMetadata = (metadata) => (forget(), addConstraint(metadata));
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join('\u0000') ?? '-'}`;
    let ofTarget = lookups.get(target);
    if (!ofTarget) lookups.set(target, (ofTarget = new Map<string, Metadatas>()));
    let found = ofTarget.get(key);
    if (!found) ofTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadatas) => {
    let grouped = groupings.get(metadatas);
    if (!grouped) groupings.set(metadatas, (grouped = group(metadatas)));
    return grouped;
  };
}
