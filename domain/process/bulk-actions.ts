// Pure and browser-safe: used by the API (bulk decisions) and the officer app (the inbox's selection).
import type { Action, LocalizedText, StepDefinition } from './process-definition';

/** An action of a step that may be taken for several dossiers at once. */
export interface BulkAction {
  action: Action;
  /** The label of the step's first transition for this action. */
  label?: LocalizedText;
  /** A reason must go with it (the transition requires `comment`); one reason is then shared by every dossier. */
  requiresComment: boolean;
}

/**
 * The step's bulk actions, in the definition's order, one per action. An action counts only if every transition
 * of the step for it is marked `bulk` (the publish check refuses a mix, so the dossier's facts never matter here)
 * and none needs form data or the applicant's actor — the same rule the publish check enforces, repeated so that
 * a definition published before the check existed can never make a form action bulk.
 */
export function bulkActionsOf(step: StepDefinition): BulkAction[] {
  const result: BulkAction[] = [];
  for (const action of new Set(step.transitions.map((t) => t.action))) {
    const transitions = step.transitions.filter((t) => t.action === action);
    const bulk = transitions.every((t) => t.bulk === true && !t.requires?.includes('form') && t.actor !== 'applicant');
    if (!bulk) continue;
    const first = transitions[0];
    result.push({
      action,
      ...(first?.label ? { label: first.label } : {}),
      requiresComment: transitions.some((t) => t.requires?.includes('comment') === true),
    });
  }
  return result;
}
