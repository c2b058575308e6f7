import { jsonPointer } from './json-pointer';

/**
 * The uiSchema node of a field, following react-jsonschema-form's nesting: a property's node is under its name, an
 * array's items node under `items` (the field pointer's `*`). `undefined` where the uiSchema says nothing.
 */
export function uiSchemaAt(uiSchema: unknown, fieldPointer: string): Record<string, unknown> | undefined {
  let node: unknown = uiSchema;
  for (const token of jsonPointer.parse(fieldPointer)) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[token === '*' ? 'items' : token];
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node)
    ? (node as Record<string, unknown>)
    : undefined;
}
