import type { FactValue, StepDefinition } from './process-definition';
import { readPointer } from './read-pointer';

/**
 * The decision facts a step's form data brings: each of the step's `facts` (name → JSON pointer into the data)
 * whose value is a string, number or boolean. Transitions' `when` conditions read them; other values are ignored.
 */
export function factsOf(step: StepDefinition, data: unknown): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const [name, pointer] of Object.entries(step.facts ?? {})) {
    const value = readPointer(data, pointer);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') facts[name] = value;
  }
  return facts;
}
