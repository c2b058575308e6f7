export { inForceOn, type UnitValidity } from './in-force-on';
export { retiredUnitOn } from './retired-unit-on';
export { successorProblems, type SuccessorProblem } from './successor-problems';
export { successorsOf, type UnitSuccessor } from './unit-successor';
