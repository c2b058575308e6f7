import type { FormDefinition } from './form-definition';
import { FormFields, type FormField } from './form-fields';
import { jsonPointer } from './json-pointer';

/** One string value of a submission at a field the form declares. */
export interface DeclaredString {
  value: string;
  field: FormField;
  /** JSON pointer of the value in the data (`/support/fundingSources/1/sponsorName`); built only when asked for. */
  path(): string;
}

/** Each field's children by name (`*` for array items), built once per field. */
const childrenOf = new WeakMap<FormField, Map<string, FormField>>();

function childMap(fields: FormFields, field: FormField): Map<string, FormField> {
  let children = childrenOf.get(field);
  if (!children) {
    children = new Map();
    for (const name of field.children) {
      const child = fields.get(jsonPointer.append(field.pointer, name));
      if (child) children.set(name, child);
    }
    childrenOf.set(field, children);
  }
  return children;
}

/**
 * Calls `visit` for every string in `data` that sits at a field `form` declares (conditional sections included), in
 * data order. A value at an undeclared property is skipped: the closed objects of a form already refuse it. Linear in
 * the size of the data, with no string built per value unless the visitor asks for its path; never throws.
 */
export function walkDeclaredStrings(form: FormDefinition, data: unknown, visit: (found: DeclaredString) => void): void {
  const fields = FormFields.of(form.schema);
  const root = fields.get('');
  if (!root) return;
  const tokens: Array<string | number> = [];
  const path = () => jsonPointer.format(tokens);
  const walk = (value: unknown, field: FormField): void => {
    if (typeof value === 'string') {
      visit({ value, field, path });
    } else if (Array.isArray(value)) {
      const items = childMap(fields, field).get('*');
      if (!items) return;
      for (let i = 0; i < value.length; i++) {
        tokens.push(i);
        walk(value[i], items);
        tokens.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      const children = childMap(fields, field);
      for (const key in value) {
        const child = children.get(key);
        if (!child || !Object.prototype.hasOwnProperty.call(value, key)) continue;
        tokens.push(key);
        walk((value as Record<string, unknown>)[key], child);
        tokens.pop();
      }
    }
  };
  walk(data, root);
}
