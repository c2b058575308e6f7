// Browser-safe: the admin pages preview a publication with the same diff the API serves.
import diff from 'microdiff';
import { jsonPointer } from './json-pointer';

/** One difference between two JSON documents, at a JSON pointer. */
export interface StructuralChange {
  op: 'add' | 'remove' | 'replace';
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The differences between two versions of a definition, as JSON-pointer operations in document order: what an
 * administrator reviews before publishing a new version (microdiff does the walk; arrays compare by index).
 */
export function structuralDiff(before: unknown, after: unknown): StructuralChange[] {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) {
    return before === after ? [] : [{ op: 'replace', path: '', before, after }];
  }
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((change) => {
    const path = jsonPointer.format(change.path);
    if (change.type === 'CREATE') return { op: 'add', path, after: change.value };
    if (change.type === 'REMOVE') return { op: 'remove', path, before: change.oldValue };
    return { op: 'replace', path, before: change.oldValue, after: change.value };
  });
}
