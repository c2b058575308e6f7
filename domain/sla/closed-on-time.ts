import type { DossierState } from '../process/dossier-state';

/** Closed on time: by the overall due time when the dossier has one, else by the last step's due time. */
export function closedOnTime(state: DossierState): boolean | null {
  if (!state.closedAt) return null;
  const overall = state.clock?.overallDueAt;
  if (overall) return Date.parse(state.closedAt) <= Date.parse(overall);
  return state.history[state.history.length - 1]?.onTime ?? true;
}
