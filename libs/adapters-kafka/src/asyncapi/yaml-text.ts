/**
 * YAML for plain JSON data (objects, arrays, strings, numbers, booleans, null): block style, every
 * string double-quoted as JSON writes it (a valid YAML double-quoted scalar), so nothing is read
 * back as another type. Enough for a generated document, without a YAML library.
 */
export function yamlText(value: unknown): string {
  return `${lines(value, 0).join('\n')}\n`;
}

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      if (!isNested(item)) return [`${pad}- ${scalar(item)}`];
      const [first = '', ...rest] = lines(item, indent + 2);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([key, item]) => {
      const name = /^[A-Za-z_$][A-Za-z0-9_.$-]*$/.test(key) ? key : JSON.stringify(key);
      return isNested(item) ? [`${pad}${name}:`, ...lines(item, indent + 2)] : [`${pad}${name}: ${scalar(item)}`];
    });
  }
  return [`${pad}${scalar(value)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNested(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);
}

function scalar(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isObject(value)) return '{}';
  return value === undefined ? 'null' : JSON.stringify(value);
}
