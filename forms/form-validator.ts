import type { FormDefinition } from './form-definition';
import type { FormValidationResult } from './form-validation-result';

/** Validates submissions against pinned form versions. See `createFormValidator`. */
export interface FormValidator {
  /**
   * Checks `data` against `form`'s schema. Invalid data is a result (`{ valid: false, errors }`), not an exception;
   * a form whose schema does not compile throws `FormDefinitionError` (a broken definition, not bad input).
   */
  validate(form: FormDefinition, data: unknown): FormValidationResult;
}
