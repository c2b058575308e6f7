// Browser-safe and DOM-free: also unit-tested in Node against ajv.

/** Thrown for a keyword {@link matchesSchema} does not implement; the caller decides what that means. */
export class UnsupportedSchemaError extends Error {
  override readonly name = 'UnsupportedSchemaError';
  constructor(readonly keyword: string) {
    super(`matchesSchema does not implement the keyword "${keyword}"`);
  }
}

/** Keywords that never change whether data matches. */
const annotations = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

function matchesType(type: string, value: unknown): boolean {
  const actual = typeOf(value);
  if (type === 'integer') return actual === 'number' && Number.isInteger(value);
  return actual === type;
}

/** JSON Schema's string length counts code points, not UTF-16 units. */
const length = (s: string) => [...s].length;

/**
 * Whether `data` matches `schema`, for the small, eval-free subset of JSON Schema 2020-12 that conditions in form
 * schemas use (`if: { properties: { type: { const: "repair" } }, required: ["type"] }`): boolean schemas, `type`,
 * `const`, `enum`, `properties`, `required`, `items` (one schema), `minItems`/`maxItems`, `minimum`/`maximum` (and
 * exclusive ones), `minLength`/`maxLength`, `pattern`, `allOf`/`anyOf`/`oneOf`/`not`, `if`/`then`/`else`, plus
 * annotations. Formats are not checked (they are assertions the precompiled validator owns).
 *
 * react-jsonschema-form asks its validator `isValid(subschema, data)` to decide which conditional section to show;
 * the precompiled validators only validate a whole form, so this answers those questions. A unit test keeps every
 * condition in the shipped forms inside this subset and in agreement with ajv.
 *
 * Errors: throws {@link UnsupportedSchemaError} for any other keyword rather than guessing.
 */
export function matchesSchema(schema: unknown, data: unknown): boolean {
  if (schema === true) return true;
  if (schema === false) return false;
  if (!isObject(schema)) throw new UnsupportedSchemaError(typeOf(schema));

  for (const [keyword, value] of Object.entries(schema)) {
    if (annotations.has(keyword) || keyword === 'then' || keyword === 'else') continue;
    switch (keyword) {
      case 'type': {
        const types = Array.isArray(value) ? (value as string[]) : [value as string];
        if (!types.some((t) => matchesType(t, data))) return false;
        break;
      }
      case 'const':
        if (!deepEqual(value, data)) return false;
        break;
      case 'enum':
        if (!(value as Json[]).some((v) => deepEqual(v, data))) return false;
        break;
      case 'required':
        if (isObject(data) && !(value as string[]).every((name) => data[name] !== undefined)) return false;
        break;
      case 'properties':
        if (isObject(data)) {
          for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
            if (data[name] !== undefined && !matchesSchema(sub, data[name])) return false;
          }
        }
        break;
      case 'items':
        if (Array.isArray(data) && !data.every((item) => matchesSchema(value, item))) return false;
        break;
      case 'minItems':
        if (Array.isArray(data) && data.length < (value as number)) return false;
        break;
      case 'maxItems':
        if (Array.isArray(data) && data.length > (value as number)) return false;
        break;
      case 'minimum':
        if (typeof data === 'number' && data < (value as number)) return false;
        break;
      case 'maximum':
        if (typeof data === 'number' && data > (value as number)) return false;
        break;
      case 'exclusiveMinimum':
        if (typeof data === 'number' && data <= (value as number)) return false;
        break;
      case 'exclusiveMaximum':
        if (typeof data === 'number' && data >= (value as number)) return false;
        break;
      case 'minLength':
        if (typeof data === 'string' && length(data) < (value as number)) return false;
        break;
      case 'maxLength':
        if (typeof data === 'string' && length(data) > (value as number)) return false;
        break;
      case 'pattern':
        if (typeof data === 'string' && !new RegExp(value as string, 'u').test(data)) return false;
        break;
      case 'allOf':
        if (!(value as unknown[]).every((sub) => matchesSchema(sub, data))) return false;
        break;
      case 'anyOf':
        if (!(value as unknown[]).some((sub) => matchesSchema(sub, data))) return false;
        break;
      case 'oneOf':
        if ((value as unknown[]).filter((sub) => matchesSchema(sub, data)).length !== 1) return false;
        break;
      case 'not':
        if (matchesSchema(value, data)) return false;
        break;
      case 'if': {
        const branch = matchesSchema(value, data) ? schema.then : schema.else;
        if (branch !== undefined && !matchesSchema(branch, data)) return false;
        break;
      }
      default:
        throw new UnsupportedSchemaError(keyword);
    }
  }
  return true;
}
