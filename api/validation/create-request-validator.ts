import { createAjv, createFormValidator, type FormDefinition } from '../../forms';
import { apiSchemas, type ApiSchemaName } from '../../api-contract';
import { ValidationError } from '../errors';
import { schemaAsForm } from './schema-as-form';

/** Validates a request body against a named API schema; returns it typed, or throws 422 with each field. */
export type RequestValidator = <T>(schema: ApiSchemaName, body: unknown) => T;

/** Every request body schema: by convention, the schemas whose name ends in `Request`. */
const REQUEST_SCHEMAS = (Object.keys(apiSchemas) as ApiSchemaName[]).filter((name) => name.endsWith('Request'));

/**
 * The multi-line text of request bodies (top-level properties), shown as a textarea to the uiSchema: these may hold
 * tab, line feed and carriage return; every other string of a body is one line (see `unsafeTextErrors` in forms/).
 */
const MULTI_LINE: Partial<Record<ApiSchemaName, readonly string[]>> = {
  ActionRequest: ['comment'],
  BulkActionRequest: ['comment'],
  BankStatementRequest: ['content'],
  BankStatementImportRequest: ['content'],
  ExtensionRequest: ['reason'],
  RecomputeDeadlineRequest: ['reason'],
};

/**
 * Request bodies go through the same ajv set-up and the same vi/en localiser as form submissions: each request
 * schema is wrapped as a form definition, compiled once. So every string of every body is refused with a field-level
 * 422 when it holds a control character or an unpaired surrogate, like a form field.
 */
export function createRequestValidator(): RequestValidator {
  const validator = createFormValidator(createAjv());
  const forms = new Map<string, FormDefinition>(
    REQUEST_SCHEMAS.map((name) => [
      name,
      schemaAsForm(
        `api-${name.toLowerCase()}`,
        apiSchemas[name],
        Object.fromEntries((MULTI_LINE[name] ?? []).map((field) => [field, { 'ui:widget': 'textarea' }])),
      ),
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
