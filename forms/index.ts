// The browser-safe public surface of forms/: no Node built-ins anywhere below this file, so the API, the worker and
// the web bundle can all import it. Node-only helpers (reading definitions from disk) are in ./node.ts.
export { createAjv, type CreateAjvOptions } from './create-ajv';
export { customFormats } from './custom-formats';
export type { FormDefinition, FormSchema } from './form-definition';
export type { LocalizedText } from './localized-text';
export { formRef, parseFormRef } from './form-ref';
export { FormRefError } from './form-ref-error';
export type { FieldError } from './field-error';
export type { FormValidationResult } from './form-validation-result';
export type { FormValidator } from './form-validator';
export { createFormValidator } from './create-form-validator';
export { localizeErrors } from './localize-errors';
export { collectFileRefs, type FileRef } from './collect-file-refs';
export { collectUnitCodes, type UnitCodeRef } from './collect-unit-codes';
export { fieldLabel } from './field-label';
export { formatQuantity, quantityUnits, type QuantityUnit } from './format-quantity';
export {
  AUDIENCE_KEYWORD,
  FIELD_AUDIENCES,
  citizenErrors,
  citizenFormOf,
  isWithinFields,
  withoutErrorsIn,
  officerFields,
  type FieldAudience,
} from './field-audience';
export { CITIZEN_DESCRIPTION_KEYWORD, DEFAULT_CITIZEN_DESCRIPTION, citizenDescriptionOf } from './citizen-description';
export { checkFormDefinition, type FormDefinitionCheck } from './check-form-definition';
export type { FormDefinitionProblem, FormDefinitionProblemCode } from './form-definition-problem';
export { FormDefinitionError } from './form-definition-error';
export { FormFields, type FormField } from './form-fields';
export { default as formDefinitionSchema } from './form-definition.schema.json';
