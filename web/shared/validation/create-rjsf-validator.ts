// Browser-safe and DOM-free.
import type { RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';
import type { FieldError } from '../../../forms/field-error';
import type { PrecompiledFormValidator } from '../../../forms/standalone/create-precompiled-validator';
import type { Lang } from '../i18n/lang';
import { matchesSchema, UnsupportedSchemaError } from './matches-schema';
import { inLanguage, toRjsfErrors } from './to-rjsf-errors';

/** react-jsonschema-form's validator plus the field errors of the last whole-form validation. */
export interface RjsfValidator extends ValidatorType {
  /** The errors found by the last `validateFormData` (empty when it passed). */
  lastFieldErrors(): readonly FieldError[];
}

/**
 * A react-jsonschema-form `ValidatorType` backed by a form version's precompiled validator, so the browser runs the
 * server's exact checks and shows the server's own vi/en messages (`localizeErrors`), with no `eval` or
 * `new Function` (the embed page and the officer app have no 'unsafe-eval' in their CSP).
 *
 * - `validateFormData` always validates the whole form (react-jsonschema-form passes the root schema with its
 *   conditions resolved; the precompiled function already knows the schema) and ignores `customValidate` and
 *   `transformErrors`, which these forms do not use.
 * - `isValid(subschema, data)` is how react-jsonschema-form decides which `if`/`then` section applies: the root
 *   schema goes to the precompiled function, any other subschema to {@link matchesSchema}. A subschema outside its
 *   subset counts as not matching (the conditional section stays hidden) and is reported once on the console; the
 *   submission is still validated in full here and on the server, so nothing invalid gets through.
 */
export function createRjsfValidator(
  precompiled: PrecompiledFormValidator,
  lang: Lang,
  warn: (message: string) => void = () => undefined,
): RjsfValidator {
  const rootId = precompiled.form.schema.$id;
  let last: readonly FieldError[] = [];
  const warned = new Set<string>();
  const isRoot = (schema: RJSFSchema | undefined) =>
    schema !== undefined && typeof schema === 'object' && schema.$id === rootId;

  const validateWhole = (data: unknown): readonly FieldError[] => {
    const result = precompiled.validate(data ?? {});
    return result.valid ? [] : result.errors;
  };

  return {
    validateFormData(formData): ValidationData<unknown> {
      last = validateWhole(formData);
      return toRjsfErrors(inLanguage(last, lang));
    },
    isValid(schema, formData) {
      if (isRoot(schema)) return validateWhole(formData).length === 0;
      try {
        return matchesSchema(schema, formData);
      } catch (error) {
        if (!(error instanceof UnsupportedSchemaError)) throw error;
        if (!warned.has(error.keyword)) {
          warned.add(error.keyword);
          warn(
            `hoso forms: a form condition uses "${error.keyword}", which the browser cannot evaluate; treated as not matching`,
          );
        }
        return false;
      }
    },
    rawValidation(schema, formData) {
      const errors = isRoot(schema) ? validateWhole(formData) : [];
      return { errors: errors as never[] };
    },
    lastFieldErrors: () => last,
  };
}
