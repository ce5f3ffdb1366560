import type { ViewDocument, ViewStore } from '@spiral/ports';
import { storedCollection, type Projection } from '@spiral/projections';
import { stringify } from 'csv-stringify/sync';

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What heads an export: when it stood, and the replay's own figures. */
export type ExportHeader = Readonly<Record<string, unknown>>;

/** The export format a file name asks for: `.csv` is CSV, anything else JSON. */
export function formatOfFile(file: string): ExportFormat {
  return file.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
}

/** Collections read so far of those the export reads (a CSV export reads each twice: its header needs every field). */
export type ExportProgress = (done: number, total: number) => void;

/**
 * The documents of the projections' views, as chunks of text to stream to a file or an answer.
 * A collection is read whole (a view holds one document per team, spiral, practice or region, not
 * per event), and written one document at a time.
 */
export function exportViews(views: ViewStore, projections: readonly Projection[], format: ExportFormat, header: ExportHeader, progress: ExportProgress = () => {}): AsyncGenerator<string> {
  return format === 'csv' ? csvExport(views, projections, progress) : jsonExport(views, projections, header, progress);
}

async function* jsonExport(views: ViewStore, projections: readonly Projection[], header: ExportHeader, progress: ExportProgress): AsyncGenerator<string> {
  const total = [...collectionsOf(projections)].length;
  let read = 0;
  yield `{${Object.entries(header).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},`).join('')}"views":[`;
  for (const [p, projection] of projections.entries()) {
    yield `${p === 0 ? '' : ','}\n{"view":${JSON.stringify(projection.name)},"version":${projection.version},"collections":{`;
    for (const [c, collection] of projection.collections.entries()) {
      yield `${c === 0 ? '' : ','}${JSON.stringify(collection)}:[`;
      const documents = await views.find(storedCollection(projection, collection));
      progress(++read, total);
      for (const [d, document] of documents.entries()) yield `${d === 0 ? '' : ','}\n${JSON.stringify(document)}`;
      yield ']';
    }
    yield '}}';
  }
  yield '\n]}\n';
}

const FIXED_COLUMNS = ['view', 'version', 'collection'] as const;

/**
 * One row per document (RFC 4180, by csv-stringify), under one header: the view, its version and
 * collection, then every top-level field any document has, in order of first appearance. Nested
 * values (arrays, objects) are JSON in their cell; a field a document lacks is an empty cell.
 */
async function* csvExport(views: ViewStore, projections: readonly Projection[], progress: ExportProgress): AsyncGenerator<string> {
  const fields: string[] = [];
  const known = new Set<string>(FIXED_COLUMNS);
  const total = 2 * [...collectionsOf(projections)].length;
  let read = 0;
  const readWhole = async (projection: Projection, collection: string) => {
    const documents = await views.find(storedCollection(projection, collection));
    progress(++read, total);
    return documents;
  };
  for (const { projection, collection } of collectionsOf(projections)) {
    for (const document of await readWhole(projection, collection)) {
      for (const field of Object.keys(document)) {
        if (!known.has(field)) {
          known.add(field);
          fields.push(field);
        }
      }
    }
  }
  yield stringify([[...FIXED_COLUMNS, ...fields].map(inertCell)]);
  for (const { projection, collection } of collectionsOf(projections)) {
    for (const document of await readWhole(projection, collection)) {
      yield stringify([[projection.name, String(projection.version), collection, ...fields.map((field) => csvCell(document, field))]]);
    }
  }
}

function* collectionsOf(projections: readonly Projection[]): Generator<{ projection: Projection; collection: string }> {
  for (const projection of projections) for (const collection of projection.collections) yield { projection, collection };
}

/**
 * OWASP's CSV injection rule: a text cell a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) gets a leading single quote, so it shows as the text it is.
 * Numbers are left as they are: a spreadsheet reads -3 as a number, never a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function inertCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(document: ViewDocument, field: string): string {
  if (!Object.hasOwn(document, field)) return '';
  const value = document[field];
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return inertCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
