import type { OverlapSubject } from '../domain/overlap/overlap-rule';
import type { FormDefinition } from './form-definition';
import { walkDeclaredStrings } from './walk-declared-strings';

/** A citizen id found in a submission, whose it is, and where in the data it was given. */
export interface FoundCitizenId {
  subject: OverlapSubject;
  value: string;
  /** JSON pointers of the value in the data (`/households/2/citizenId`), in data order; one unless repeated. */
  paths: string[];
}

const isCitizenIdField = (schemas: readonly Record<string, unknown>[]) => schemas.some((s) => s.format === 'cccd');

/**
 * Whether a field holds a household's id: one under the top-level `household` object (the dossier's household, its
 * head), or on a line of a top-level `households` list (a list dossier: each line is a household, its head's id).
 */
const isHouseholdField = (pointer: string) => pointer.startsWith('/household/') || pointer.startsWith('/households/');

/**
 * The citizen ids in `data` at every field the form declares with format `cccd`, so any form that marks its ids
 * works without code per form. A household's (see isHouseholdField) or any other's (`person`, `child`,
 * `beneficiary`, `persons[]`…) a person's. Duplicates are merged (their paths kept); empty values skipped.
 */
export function collectCitizenIds(form: FormDefinition, data: unknown): FoundCitizenId[] {
  const found = new Map<string, FoundCitizenId>();
  walkDeclaredStrings(form, data, ({ value, field, path }) => {
    const trimmed = value.trim();
    if (trimmed === '' || !isCitizenIdField(field.schemas)) return;
    const subject: OverlapSubject = isHouseholdField(field.pointer) ? 'household' : 'person';
    const id = `${subject}:${trimmed}`;
    const earlier = found.get(id);
    if (earlier) earlier.paths.push(path());
    else found.set(id, { subject, value: trimmed, paths: [path()] });
  });
  return [...found.values()];
}
