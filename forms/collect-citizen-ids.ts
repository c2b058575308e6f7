import type { OverlapSubject } from '../domain/overlap/overlap-rule';
import type { FormDefinition } from './form-definition';
import { walkDeclaredStrings } from './walk-declared-strings';

/** A citizen id found in a submission, and whose it is. */
export interface FoundCitizenId {
  subject: OverlapSubject;
  value: string;
}

const isCitizenIdField = (schemas: readonly Record<string, unknown>[]) => schemas.some((s) => s.format === 'cccd');

/**
 * The citizen ids in `data` at every field the form declares with format `cccd`, so any form that marks its ids
 * works without code per form. One under the top-level `household` object is the household's (its head's); any
 * other (`person`, `child`, `beneficiary`, `persons[]`…) a person's. Duplicates are dropped; empty values skipped.
 */
export function collectCitizenIds(form: FormDefinition, data: unknown): FoundCitizenId[] {
  const found = new Map<string, FoundCitizenId>();
  walkDeclaredStrings(form, data, ({ value, field }) => {
    const trimmed = value.trim();
    if (trimmed === '' || !isCitizenIdField(field.schemas)) return;
    const subject: OverlapSubject = field.pointer.startsWith('/household/') ? 'household' : 'person';
    found.set(`${subject}:${trimmed}`, { subject, value: trimmed });
  });
  return [...found.values()];
}
