import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import { amountRuleErrors } from './amount-rule-errors';
import { createAjv } from './create-ajv';
import type { FormDefinition } from './form-definition';
import { FormDefinitionError } from './form-definition-error';
import { formRef } from './form-ref';
import type { FormValidator } from './form-validator';
import { localizeErrors } from './localize-errors';
import { unsafeTextErrors } from './unsafe-text-errors';

/**
 * A validator that compiles each form version once, on first use, and keeps the compiled function for the life of
 * the validator; definitions are immutable once published, so `key@version` identifies the schema. Give it its own
 * ajv from {@link createAjv} (the default): ajv registers every compiled schema under its `$id`.
 *
 * Errors: a definition whose schema does not compile throws {@link FormDefinitionError} on every call (nothing is
 * cached for it); published definitions passed the same compile in `checkFormDefinition`, so this means a definition
 * that skipped publishing (the `$id` convention is checked there too, not here, so request-body schemas wrapped as
 * forms can use their own ids). A malformed key or version throws `FormRefError`. Invalid *data* never throws.
 *
 * Besides the schema, every declared string is checked for control characters and unpaired surrogates
 * ({@link unsafeTextErrors}), so no schema needs a rule for them.
 */
export function createFormValidator(ajv: Ajv2020 = createAjv()): FormValidator {
  const compiled = new Map<string, ValidateFunction>();

  const compile = (form: FormDefinition, ref: string): ValidateFunction => {
    try {
      return ajv.compile(form.schema);
    } catch (cause) {
      throw new FormDefinitionError(
        [
          {
            code: 'schema-compile',
            path: '/schema',
            message: `the schema does not compile: ${(cause as Error).message}`,
          },
        ],
        `Form ${ref} cannot be used`,
        { cause },
      );
    }
  };

  return {
    validate(form, data) {
      const ref = formRef(form.key, form.version);
      let validateData = compiled.get(ref);
      if (!validateData) {
        validateData = compile(form, ref);
        compiled.set(ref, validateData);
      }
      const valid = validateData(data);
      // Read ajv's errors before anything else can validate again; then the characters no text may hold, for the
      // fields the schema has not refused already (a parameter's pattern may refuse the same characters).
      const schemaErrors = valid ? [] : [...(validateData.errors ?? [])];
      const refused = new Set(schemaErrors.map((e) => e.instancePath));
      const errors = [...schemaErrors, ...unsafeTextErrors(form, data).filter((e) => !refused.has(e.instancePath))];
      // The amount rules come localized already; they judge only integers, so they never repeat a schema error.
      const amounts = amountRuleErrors(form, data);
      if (errors.length === 0 && amounts.length === 0) return { valid: true };
      return { valid: false, errors: [...localizeErrors(form, errors), ...amounts] };
    },
  };
}
