import { customFormats } from './custom-formats';
import type { FormDefinition } from './form-definition';
import { FormFields } from './form-fields';
import { walkDeclaredStrings } from './walk-declared-strings';

/** A unit code found in form data, with the JSON pointer of the field holding it. */
export interface UnitCodeRef {
  path: string;
  code: string;
}

/**
 * Every value in `data` at a field the schema marks `format: "unit-code"` (the household's commune, a sponsor's
 * unit, ...), conditional sections included, that is shaped like a unit code; a malformed one is the format's error,
 * not looked up. Pure and browser-safe, like collectFileRefs; the API uses it to check that each named unit exists
 * and is in force (see createUnitCodeCheck).
 */
export function collectUnitCodes(form: FormDefinition, data: unknown): UnitCodeRef[] {
  const found: UnitCodeRef[] = [];
  walkDeclaredStrings(form, data, ({ value, field, path }) => {
    if (FormFields.keyword(field, 'format') === 'unit-code' && customFormats['unit-code'].test(value))
      found.push({ path: path(), code: value });
  });
  return found;
}
