import type { FieldError } from './field-error';

/** The outcome of validating a submission: data, never an exception. `errors` is never empty when not valid. */
export type FormValidationResult = { valid: true } | { valid: false; errors: FieldError[] };
