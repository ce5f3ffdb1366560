/**
 * The first member name an object of the JSON text repeats, as a dotted path (`points.1.value`), or
 * undefined when none does. JSON.parse keeps the last of two equal names and says nothing, so
 * `{"value": 1, "value": 1e6}` was stored as 1e6 while a log, a proxy or a reviewer reading the
 * first saw 1: two readers of one request disagreeing is what RFC 8259 §4 warns of ("the names
 * within an object SHOULD be unique"), and SPEC "Bad input" wants such a body refused, not guessed.
 *
 * One pass over the text, without recursion (a deep body must not overflow the stack). Names are
 * compared decoded, so `"n"` and `"\u006e"` are the same name. Text that is not JSON is left to
 * JSON.parse to refuse: whatever is found then does not matter.
 */
export function firstDuplicateKey(text: string): string | undefined {
  const open: Container[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    const top = open[open.length - 1];
    if (char === QUOTE) {
      const end = closingQuote(text, at);
      if (top?.keys !== undefined && top.expectingKey) {
        const key = decoded(text, at, end);
        if (top.keys.has(key)) return pathOf(open, key);
        top.keys.add(key);
        top.key = key;
        top.expectingKey = false;
      }
      at = end;
    } else if (char === OPEN_OBJECT) open.push({ keys: new Set(), expectingKey: true, key: '', index: 0 });
    else if (char === OPEN_ARRAY) open.push({ keys: undefined, expectingKey: false, key: '', index: 0 });
    else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) open.pop();
    else if (char === COMMA && top !== undefined) {
      if (top.keys === undefined) top.index += 1;
      else top.expectingKey = true;
    }
  }
  return undefined;
}

interface Container {
  /** Names seen so far in an object; undefined in an array. */
  readonly keys: Set<string> | undefined;
  expectingKey: boolean;
  /** The member being read (objects) or the item's index (arrays), for the path. */
  key: string;
  index: number;
}

const [QUOTE, BACKSLASH, COMMA] = ['"', '\\', ','].map((char) => char.charCodeAt(0)) as [number, number, number];
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY] = ['{', '}', '[', ']'].map((char) => char.charCodeAt(0)) as [number, number, number, number];

/** Where the string opened at `start` closes (past an escaped quote), or the text's end. */
function closingQuote(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (char === BACKSLASH) at += 1;
    else if (char === QUOTE) return at;
  }
  return text.length;
}

function decoded(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function pathOf(open: readonly Container[], key: string): string {
  const outer = open.slice(0, -1).map((container) => (container.keys === undefined ? String(container.index) : container.key));
  return [...outer, key].join('.');
}
