/**
 * The API's routes as its own OpenAPI document (/api/docs-json) lists them, so a path added later is
 * covered by the suites without editing them; and a minimal body for each command, made from the
 * same request schema the server validates against.
 */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface ApiRoute {
  readonly method: 'GET' | 'POST';
  /** The path under /api/v1 with `{param}` placeholders, e.g. `/spirals/{id}/options`. */
  readonly template: string;
  /** The request body's schema, resolved, for commands. */
  readonly body?: JsonSchema;
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

export class OpenApiRoutes {
  private constructor(private readonly document: OpenApiDocument) {}

  static async fetchFrom(base: string): Promise<OpenApiRoutes> {
    const answer = await fetch(`${base}/api/docs-json`);
    if (!answer.ok) throw new Error(`GET /api/docs-json answered ${answer.status}`);
    return new OpenApiRoutes((await answer.json()) as OpenApiDocument);
  }

  /** Every GET and POST route but the public health check. */
  routes(): ApiRoute[] {
    const routes: ApiRoute[] = [];
    for (const [path, operations] of Object.entries(this.document.paths)) {
      const template = path.replace(/^\/api\/v1/, '');
      if (template === '/health') continue;
      for (const [method, operation] of Object.entries(operations)) {
        if (method !== 'get' && method !== 'post') continue;
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        routes.push({ method: method === 'get' ? 'GET' : 'POST', template, ...(schema ? { body: this.resolve(schema) } : {}) });
      }
    }
    return routes;
  }

  commands(): ApiRoute[] {
    return this.routes().filter((route) => route.method === 'POST');
  }

  resolve(schema: JsonSchema): JsonSchema {
    if (schema.$ref === undefined) return schema;
    const name = schema.$ref.split('/').pop() ?? '';
    const found = this.document.components.schemas[name];
    if (!found) throw new Error(`the OpenAPI document has no schema ${name}`);
    return found;
  }

  /** A small body that passes the schema: required fields only, each with the simplest fitting value. */
  exampleOf(schema: JsonSchema): unknown {
    const resolved = this.resolve(schema);
    if (resolved.enum && resolved.enum.length > 0) return resolved.enum[0];
    if (resolved.oneOf && resolved.oneOf[0]) return this.exampleOf(resolved.oneOf[0]);
    switch (resolved.type) {
      case 'string':
        return exampleText(resolved);
      case 'number':
      case 'integer':
        return resolved.minimum ?? Math.min(1, resolved.maximum ?? 1);
      case 'boolean':
        return true;
      case 'array':
        return Array.from({ length: Math.max(1, resolved.minItems ?? 1) }, (_, index) => distinct(this.exampleOf(resolved.items ?? {}), index));
      case undefined:
      default: {
        const body: Record<string, unknown> = {};
        for (const name of resolved.required ?? []) body[name] = this.exampleOf(resolved.properties?.[name] ?? {});
        return body;
      }
    }
  }
}

const CANDIDATE_TEXTS = ['Reliability text', 'reliability-1', 'RX1', 'Q01', '2004-01-01', '2004-01-01T00:00:00Z', 'x'];

function exampleText(schema: JsonSchema): string {
  if (schema.format === 'date') return '2004-01-01';
  if (schema.format === 'date-time') return '2004-01-01T00:00:00Z';
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  const fits = (text: string) => (pattern?.test(text) ?? true) && text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Infinity);
  return CANDIDATE_TEXTS.find(fits) ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** Items of one array differ (periods, ids), since many lists refuse repeats. */
function distinct(value: unknown, index: number): unknown {
  if (index === 0 || typeof value !== 'string') return value;
  return /^\d{4}-\d{2}-01$/.test(value) ? `2004-${String(index + 1).padStart(2, '0')}-01` : `${value}${index}`;
}
