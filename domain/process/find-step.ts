import type { ProcessDefinition, StepDefinition } from './process-definition';

/** The step of `definition` with id `stepId`, if there is one. */
export function findStep(definition: ProcessDefinition, stepId: string): StepDefinition | undefined {
  return definition.steps.find((s) => s.id === stepId);
}
