import { jsonPointer } from '../../forms/json-pointer';
import { unsafeCharacter } from '../../forms/unsafe-text-errors';
import { ValidationError, type FieldProblem } from '../errors';

/** Reported at most; one bad string usually comes with others, and the first ones say enough. */
const MAX_FIELDS = 20;

/**
 * For the JSON bodies that no request schema describes (a form or process definition being published): throws a
 * 422 with one field per string, or property name, that holds a character no text may hold (see `unsafeCharacter`;
 * tab and line breaks are allowed, descriptions span lines). Bodies with a schema get the same check, with field
 * labels, from the request validator. Linear in the size of the body.
 */
export function assertNoUnsafeText(body: unknown): void {
  const fields: FieldProblem[] = [];
  const report = (path: string, character: string) =>
    fields.push({
      path,
      keyword: 'characters',
      message: {
        vi: `${path || '/'}: chứa ký tự không được phép (${character})`,
        en: `${path || '/'}: contains a character that is not allowed (${character})`,
      },
    });
  const walk = (value: unknown, path: string): void => {
    if (fields.length >= MAX_FIELDS) return;
    if (typeof value === 'string') {
      const character = unsafeCharacter(value, true);
      if (character) report(path, character);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, jsonPointer.append(path, i)));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const character = unsafeCharacter(key, false);
        if (character) report(jsonPointer.append(path, key), character);
        else walk(child, jsonPointer.append(path, key));
      }
    }
  };
  walk(body, '');
  if (fields.length > 0) throw new ValidationError(fields.slice(0, MAX_FIELDS));
}
