/**
 * One unit that takes over (part of) a retired unit's households. A split names several successors, each with the
 * share of households (percent, 0 < share <= 100) it receives or a textual rule saying which households go there
 * (for example the residential groups); a merger is several retired units naming the same successor.
 */
export interface UnitSuccessor {
  code: string;
  share?: number;
  rule?: string;
}

/** The successors a stored unit records; a unit stored before the list existed has `successorCode` (share 100 %). */
export function successorsOf(unit: {
  successors?: readonly UnitSuccessor[] | null;
  successorCode?: string | null;
}): UnitSuccessor[] {
  if (unit.successors && unit.successors.length > 0) return unit.successors.map((s) => ({ ...s }));
  return unit.successorCode ? [{ code: unit.successorCode, share: 100 }] : [];
}
