import type { Dossier } from '../../../api-contract';
import type { ProcessDefinition, StepDefinition } from '../../../domain/process/process-definition';
import { findStep } from '../../../domain/process/find-step';
import { recordDefinitionLookup } from '../../../domain/process/recorded-definitions';

/**
 * The steps whose forms the dossier holds, each as the definition it was submitted under defines it, in the order of
 * the definition. A dossier a transition plan moved holds forms of steps its new definition may not have (a
 * district's review): they stay shown, by the title they had, and a moved dossier's steps are in the order they were
 * submitted, since no one definition orders them all. `earlier`: the definitions the dossier was moved off.
 */
export function earlierSteps(
  dossier: Pick<Dossier, 'submissions' | 'history'>,
  definition: ProcessDefinition,
  earlier: readonly ProcessDefinition[],
): StepDefinition[] {
  const definitionOf = recordDefinitionLookup(dossier.history, definition, earlier);
  const moved = dossier.history.some((h) => h.transfer);
  const submittedAt = new Map(
    dossier.history.flatMap((h) => (h.submission ? [[h.submission.id, h.seq] as const] : [])),
  );
  return Object.entries(dossier.submissions)
    .map(([stepId, ref]) => {
      const seq = submittedAt.get(ref.id);
      const step = findStep(seq === undefined ? definition : definitionOf(seq, 'from'), stepId);
      const order = moved ? 0 : definition.steps.findIndex((s) => s.id === stepId);
      return { step, seq: seq ?? Number.MAX_SAFE_INTEGER, order };
    })
    .filter((s): s is typeof s & { step: StepDefinition } => s.step !== undefined)
    .sort((a, b) => a.order - b.order || a.seq - b.seq)
    .map((s) => s.step);
}
