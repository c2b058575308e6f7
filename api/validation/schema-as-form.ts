import type { FormDefinition } from '../../forms';

/**
 * A JSON Schema of the HTTP contract wrapped as a form definition, so that parameters go through the same ajv set-up
 * and the same vi/en error messages as form submissions (createFormValidator), as request bodies do in
 * createRequestValidator. `key` must be unique per schema: the validator caches the compiled schema under it.
 */
export function schemaAsForm(key: string, schema: object, uiSchema: Record<string, unknown> = {}): FormDefinition {
  return {
    key,
    version: 1,
    title: { vi: key, en: key },
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `urn:hoso:api:${key}`, ...schema },
    uiSchema,
    labels: { en: {} },
  } as unknown as FormDefinition;
}
