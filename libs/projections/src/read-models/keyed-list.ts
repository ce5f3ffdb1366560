/**
 * A list inside a document fed by several streams (a team's gains, cycles and assessments from each
 * of its spirals), kept in the order of a key of its entries rather than of their arrival. A feed
 * ordered per stream (Kafka, one partition per stream's key) delivers one stream's events in order
 * but interleaves streams in no set order across partitions, and a projector may own some of them
 * only: in arrival order the same facts would list differently there than in the embedded view or a
 * replay. The key is when the entry happened, then the stream it came from; entries of equal key come
 * from one stream and keep that stream's order, so the list is the same whatever the interleaving.
 */
export type ListKey = readonly string[];

function compareKeys(a: ListKey, b: ListKey): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const [left, right] = [a[index] ?? '', b[index] ?? ''];
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/**
 * The list with `entry` after every entry whose key is not greater: found from the end, where
 * entries mostly arrive. In place, the list itself answered: it is a document's, which the view
 * session lets a projection change (ViewSession), and a copy per entry made each of a team's gains,
 * cycles and assessments cost as many as the team had had.
 */
export function withKeyedEntry<T>(list: T[], entry: T, keyOf: (entry: T) => ListKey): T[] {
  const key = keyOf(entry);
  let at = list.length;
  while (at > 0 && compareKeys(keyOf(list[at - 1] as T), key) > 0) at -= 1;
  if (at === list.length) list.push(entry);
  else list.splice(at, 0, entry);
  return list;
}
