/**
 * A value's JSON with object keys sorted, so that a document reads the same whatever order the database returns its
 * fields in. Dates become `{"$date": ISO}` and BSON values (ObjectId, Decimal128, …) `{"$<type>": string}`, so that
 * a date and the string of the same instant differ. `undefined` members are left out, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const bsonType = (value as { _bsontype?: unknown })._bsontype;
    if (typeof bsonType === 'string') return { [`$${bsonType}`]: String(value) };
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(record[k])]),
    );
  }
  return value;
}
