import { jsonPointer } from '../../forms/json-pointer';

/** Reads a JSON pointer (RFC 6901, e.g. `/support/requestedAmount`) from a value; undefined when absent. */
export function readPointer(value: unknown, pointer: string): unknown {
  let current: unknown = value;
  for (const token of jsonPointer.parse(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
