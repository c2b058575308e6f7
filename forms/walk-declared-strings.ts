import type { FormDefinition } from './form-definition';
import { FormFields, type FormField } from './form-fields';
import { jsonPointer } from './json-pointer';

/** One string value of a submission at a field the form declares. */
export interface DeclaredString {
  value: string;
  /** JSON pointer of the value in the data (`/support/fundingSources/1/sponsorName`). */
  path: string;
  /** The field's pointer: the path with `*` for each array index. */
  fieldPointer: string;
  field: FormField;
}

/**
 * Every string in `data` that sits at a field `form` declares (conditional sections included), in data order. A
 * value at an undeclared property is skipped: the closed objects of a form already refuse it. Linear in the size of
 * the data; never throws.
 */
export function walkDeclaredStrings(form: FormDefinition, data: unknown): DeclaredString[] {
  const fields = FormFields.of(form.schema);
  const found: DeclaredString[] = [];
  const walk = (value: unknown, path: string, fieldPointer: string): void => {
    const field = fields.get(fieldPointer);
    if (!field) return;
    if (typeof value === 'string') found.push({ value, path, fieldPointer, field });
    else if (Array.isArray(value))
      value.forEach((item, i) => walk(item, jsonPointer.append(path, i), jsonPointer.append(fieldPointer, '*')));
    else if (typeof value === 'object' && value !== null)
      for (const [key, child] of Object.entries(value))
        walk(child, jsonPointer.append(path, key), jsonPointer.append(fieldPointer, key));
  };
  walk(data, '', '');
  return found;
}
