import { jsonPointer } from './json-pointer';

/** A file id found in form data, with the JSON pointer of the field holding it. */
export interface FileRef {
  path: string;
  fileId: string;
}

type UiNode = Record<string, unknown>;

/**
 * Every value in `data` shown by the `file-ref` widget, found by walking the uiSchema alongside the data
 * (`items` applies to each array element). Pure and browser-safe; the API uses it to check that submitted file
 * ids exist and are visible to the submitter.
 */
export function collectFileRefs(uiSchema: unknown, data: unknown, path = ''): FileRef[] {
  if (!uiSchema || typeof uiSchema !== 'object') return [];
  const ui = uiSchema as UiNode;
  if (ui['ui:widget'] === 'file-ref') return typeof data === 'string' ? [{ path, fileId: data }] : [];
  if (Array.isArray(data)) {
    return data.flatMap((item, i) => collectFileRefs(ui.items, item, jsonPointer.append(path, i)));
  }
  if (!data || typeof data !== 'object') return [];
  return Object.entries(ui)
    .filter(([key]) => !key.startsWith('ui:') && key !== 'items')
    .flatMap(([key, child]) =>
      collectFileRefs(child, (data as Record<string, unknown>)[key], jsonPointer.append(path, key)),
    );
}
