import type { LocalizedText } from './localized-text';

/**
 * One problem with one field of a submission, ready for a 422 response and for showing next to the field.
 *
 * `path` is the JSON pointer of the field in the submitted data (`/household/citizenId`,
 * `/support/fundingSources/1/amount`); a missing required property or a property that is not allowed points at that
 * property itself (`/household/headName`), not at its parent. `message` names the field by its label and says what
 * is wrong, in both languages (`Số CCCD: phải gồm đúng 12 chữ số` / `Citizen ID: must be exactly 12 digits`).
 * `keyword` and `params` are ajv's (e.g. `maximum`, `{ comparison: "<=", limit: 60000000 }`), for clients that want
 * to build their own wording.
 */
export interface FieldError {
  path: string;
  keyword: string;
  message: LocalizedText;
  params?: Record<string, unknown>;
}
