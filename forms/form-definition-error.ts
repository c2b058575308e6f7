import type { FormDefinitionProblem } from './form-definition-problem';

/**
 * Form definitions that cannot be used: thrown by `loadFormDefinitions` when a shipped file fails the publish check,
 * and by the validator when asked to use a definition whose schema does not compile. Carries every problem found,
 * not just the first. A configuration error: retrying does not help, fixing the definition does.
 */
export class FormDefinitionError extends Error {
  override readonly name = 'FormDefinitionError';

  constructor(
    readonly problems: readonly FormDefinitionProblem[],
    summary = 'Form definition is not usable',
    options?: { cause?: unknown },
  ) {
    super(
      `${summary}:\n${problems.map((p) => `  - ${p.source ? `${p.source} ` : ''}${p.path || '/'}: ${p.message} [${p.code}]`).join('\n')}`,
      options,
    );
  }
}
