/**
 * Small builders for the contract's JSON Schemas that keep their literal types, so `FromSchema` can derive the
 * TypeScript types from them (see api-types.ts). Plain data, no imports: safe for the browser and the API alike.
 */

/**
 * An object whose every property is listed: `additionalProperties: false`, and every property required except
 * those named in `optional`. A response schema is closed so that a field the API sends but the document does not
 * list fails the conformance test, and so that the derived type has no index signature.
 */
export function closedObject<
  const P extends Record<string, object>,
  const O extends readonly (keyof P & string)[] = readonly [],
>(properties: P, optional: O = [] as unknown as O) {
  const required = Object.keys(properties).filter((key) => !optional.includes(key)) as Exclude<
    keyof P & string,
    O[number]
  >[];
  return { type: 'object', additionalProperties: false, required, properties } as const;
}

/** The schema, or null. */
export const nullable = <const S extends object>(schema: S) => ({ anyOf: [schema, { type: 'null' }] }) as const;

/** An array of the schema. */
export const arrayOf = <const S extends object>(items: S) => ({ type: 'array', items }) as const;

/** An object used as a map: any keys, each value of the schema. */
export const mapOf = <const S extends object>(values: S) => ({ type: 'object', additionalProperties: values }) as const;
