import { createAjv, createFormValidator, type FormDefinition } from '../../forms';
import { apiSchemas, type ApiSchemaName } from '../../api-contract';
import { ValidationError } from '../errors';

/** Validates a request body against a named API schema; returns it typed, or throws 422 with each field. */
export type RequestValidator = <T>(schema: ApiSchemaName, body: unknown) => T;

/** Every request body schema: by convention, the schemas whose name ends in `Request`. */
const REQUEST_SCHEMAS = (Object.keys(apiSchemas) as ApiSchemaName[]).filter((name) => name.endsWith('Request'));

/**
 * Request bodies go through the same ajv set-up and the same vi/en localiser as form submissions: each request
 * schema is wrapped as a form definition, compiled once.
 */
export function createRequestValidator(): RequestValidator {
  const validator = createFormValidator(createAjv());
  const forms = new Map<string, FormDefinition>(
    REQUEST_SCHEMAS.map((name) => [
      name,
      {
        key: `api-${name.toLowerCase()}`,
        version: 1,
        title: { vi: name, en: name },
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: `urn:hoso:api:${name}`,
          ...apiSchemas[name],
        },
        uiSchema: {},
        labels: { en: {} },
      } as unknown as FormDefinition,
    ]),
  );
  return <T>(name: ApiSchemaName, body: unknown): T => {
    const form = forms.get(name);
    if (!form) throw new Error(`no request schema ${name}`);
    const result = validator.validate(form, body ?? {});
    if (!result.valid)
      throw new ValidationError(result.errors.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message })));
    return body as T;
  };
}
