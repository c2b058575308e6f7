import { mongo } from 'mongoose';
import type { SortSpec } from './read-model-arbitraries';

/**
 * A document's sort key for a sort specification, as a string: two documents get the same string exactly when
 * FerretDB's sort (types.CompareOrderForSort) holds them equal, so that a run of equal keys in a result is a group
 * of ties whose order neither MongoDB nor FerretDB specifies. Only equality matters here, never the order of keys.
 *
 * FerretDB's rules, for the values the differential test generates: missing equals null; numbers compare by value
 * whatever their BSON type (int32 1, double 1.0 and long 1 are equal; -0 equals 0); an empty array is a value of
 * its own, below null; a non-empty array sorts by its least element ascending and its greatest descending; strings
 * compare by their UTF-8 bytes; dates by milliseconds. A dotted path reads through documents only (the generator
 * never puts an array above a sorted path).
 *
 * Documents are read with `promoteValues: false`, so numbers arrive as Int32, Double or Long.
 */
export function sortKeyOf(doc: mongo.Document, sort: SortSpec): string {
  return JSON.stringify(sort.map(([path, dir]) => sortValueKey(valueAt(doc, path), dir)));
}

function valueAt(doc: mongo.Document, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainDocument(value)) return undefined;
    value = value[part];
  }
  return value;
}

function isPlainDocument(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !('_bsontype' in value)
  );
}

function sortValueKey(value: unknown, dir: 1 | -1): string {
  if (!Array.isArray(value)) return valueKey(value);
  if (value.length === 0) return '[]';
  const pick = value.reduce((best: unknown, v: unknown) => (compareValues(v, best) * dir < 0 ? v : best));
  return valueKey(pick);
}

/** MongoDB's (and FerretDB's) order of types, for the types the test generates. */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (numeric(value) !== undefined) return 3;
  if (typeof value === 'string') return 4;
  if (Array.isArray(value)) return 6;
  if (typeof value === 'boolean') return 9;
  if (value instanceof Date) return 10;
  if (isPlainDocument(value)) return 5;
  throw new Error(`sortKeyOf: unexpected value ${String(value)}`);
}

/** A number as an exact value: a bigint when integral, else a JS number (then exactly representable). */
function numeric(value: unknown): bigint | number | undefined {
  let n: number;
  if (value instanceof mongo.Long) return value.toBigInt();
  if (value instanceof mongo.Int32 || value instanceof mongo.Double) n = value.valueOf();
  else if (typeof value === 'number') n = value;
  else return undefined;
  return Number.isInteger(n) ? BigInt(n) : n;
}

function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  // One is not integral, so below 2^53 in magnitude: comparing as doubles is exact enough to order them.
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The order of two array elements (scalars), to find an array's least or greatest one. */
function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return compareNumbers(na, nb);
  if (typeof a === 'string' && typeof b === 'string')
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  // Nested documents or null: not ordered among themselves here; their keys decide equality.
  return valueKey(a) < valueKey(b) ? -1 : valueKey(a) > valueKey(b) ? 1 : 0;
}

/** A string equal for values FerretDB holds equal (inside documents and arrays too). */
function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const n = numeric(value);
  if (n !== undefined) return `n:${String(n)}`;
  if (typeof value === 'string') return `s:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (isPlainDocument(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${valueKey(v)}`)
      .join(',')}}`;
  throw new Error(`sortKeyOf: unexpected value ${String(value)}`);
}
