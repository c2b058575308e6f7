import type { ErrorObject } from 'ajv/dist/2020';
import type { FormDefinition } from './form-definition';
import { uiSchemaAt } from './ui-schema-at';
import { walkDeclaredStrings } from './walk-declared-strings';

/** The keyword of the errors below: a text with a character no form field may hold. */
export const UNSAFE_TEXT_KEYWORD = 'characters';

/**
 * Characters no text may hold: C0 control characters (U+0000–U+001F) and DEL (U+007F), and a UTF-16 surrogate without
 * its other half (JSON's `"\ud800"` decodes to one; it cannot be stored as UTF-8). Tab, line feed and carriage
 * return are allowed in multi-line text only (see {@link unsafeTextErrors}).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SINGLE_LINE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MULTI_LINE =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first character of `text` no text may hold, as `U+0000`, or `undefined`. In `multiLine` text, tab, line feed
 * and carriage return are allowed. Linear time.
 */
export function unsafeCharacter(text: string, multiLine: boolean): string | undefined {
  const found = (multiLine ? MULTI_LINE : SINGLE_LINE).exec(text);
  return found ? `U+${text.charCodeAt(found.index).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/**
 * Finds the strings in `data` that hold a character no text may hold, as ajv-shaped errors (keyword
 * {@link UNSAFE_TEXT_KEYWORD}, `params: { character: "U+0000" }`), so they are localised with the field's label like
 * every other error (`localizeErrors`). Called by every validator of the shared set-up (`createFormValidator` for
 * form submissions and request bodies, `createPrecompiledValidator` in the browser), so no field needs a rule of its
 * own.
 *
 * Only declared fields are looked at: a property the schema does not declare is already refused by the closed
 * objects (`additionalProperties`/`unevaluatedProperties: false`), and a field declared as a free-form object (a
 * request body's `data`) is validated by the form it is for. A field shown as a `textarea` in the uiSchema is
 * multi-line text and may hold tab, line feed and carriage return; any other string may not.
 *
 * Runs in time linear in the size of the data (one regular-expression scan per string, no backtracking). Never
 * throws.
 */
export function unsafeTextErrors(form: FormDefinition, data: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  walkDeclaredStrings(form, data, ({ value, field, path }) => {
    // Most text is clean: only a string the strict check refuses needs to know whether its field is multi-line.
    if (unsafeCharacter(value, false) === undefined) return;
    const multiLine = uiSchemaAt(form.uiSchema, field.pointer)?.['ui:widget'] === 'textarea';
    const character = unsafeCharacter(value, multiLine);
    if (character === undefined) return;
    errors.push({
      keyword: UNSAFE_TEXT_KEYWORD,
      instancePath: path(),
      schemaPath: `#${field.locations[0] ?? ''}`,
      params: { character },
      message: `must not contain the character ${character}`,
    });
  });
  return errors;
}
