/** A problem found in a process definition: where (JSON pointer into the definition) and what. */
export interface DefinitionProblem {
  path: string;
  message: string;
}
