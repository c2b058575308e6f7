import type { Models } from '../../storage/create-models';
import type { EmbedTokenDoc } from '../../storage/embed-token-schema';
import type { FormRegistry } from '../registry/create-form-registry';
import type { ProcessRegistry } from '../registry/create-process-registry';
import { findStep } from '../../domain/process/find-step';
import type { FormDefinition } from '../../forms';
import { citizenFormOf, officerFields } from '../../forms/field-audience';
import { citizenDescriptionOf } from '../../forms/citizen-description';
import type { ProcessDefinition } from '../../domain/process/process-definition';

/** What {@link describeEmbedForm} answers (web/embed/api/embed-api-types.ts mirrors it for the browser). */
export interface DescribedEmbedForm {
  process: { key: string; version: number; title: ProcessDefinition['title'] };
  unit: { code: string; name: string };
  origins: string[];
  /** The start form as a citizen fills it: without the fields only the unit's officer fills (`citizenFormOf`). */
  form: FormDefinition;
  /** The field pointers left out of `form` for the officer to add; the browser ignores their errors. */
  officerFields: string[];
  /**
   * What the citizen reads above the form (citizenDescriptionOf): addressed to the citizen, not the officer's
   * description of the whole form; `en` absent when the form has only a Vietnamese one. Null without any.
   */
  description: { vi: string; en?: string } | null;
}

/**
 * What an embedded form needs to render, for a resolved token: the process, the receiving unit, the token's
 * origins and the start form as a citizen fills it (`citizenFormOf`). The body of `GET /api/embed/:token/form`,
 * and inlined into the iframe page so that it renders without a second round trip.
 *
 * Errors: throws if the process starts without a form (a definition the publish check should have refused), and
 * whatever the registries throw (an unknown process or form version is their NotFoundError).
 */
export async function describeEmbedForm(
  deps: { models: Models; processes: ProcessRegistry; forms: FormRegistry },
  token: EmbedTokenDoc,
): Promise<DescribedEmbedForm> {
  const definition = await deps.processes.get(token.processKey, token.processVersion ?? undefined);
  const first = findStep(definition, definition.initialStep);
  if (!first?.form) throw new Error(`process ${definition.key} starts without a form`);
  const [unit, form] = await Promise.all([
    deps.models.Unit.findById(token.unitCode, { name: 1 }).lean(),
    deps.forms.get(first.form),
  ]);
  return {
    process: { key: definition.key, version: definition.version, title: definition.title },
    unit: { code: token.unitCode, name: unit?.name ?? token.unitCode },
    // Not secret (they are in every host page's CSP header); the iframe page posts messages only to these.
    origins: token.origins,
    form: citizenFormOf(form),
    officerFields: officerFields(form),
    description: citizenDescriptionOf(form),
  };
}
