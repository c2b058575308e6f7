/** A reason a transition plan cannot move a dossier as planned, with its message in Vietnamese and English. */
export interface TransitionProblem {
  code:
    | 'no_equivalent_step'
    | 'no_successor'
    | 'successor_split'
    | 'unknown_unit'
    | 'unit_not_in_force'
    | 'no_unit_at_level'
    | 'not_movable'
    | 'refused'
    | 'files_pending'
    | 'own_admin_role'
    | 'unknown_user';
  message: { vi: string; en: string };
}

export const transitionProblem = (code: TransitionProblem['code'], vi: string, en: string): TransitionProblem => ({
  code,
  message: { vi, en },
});
