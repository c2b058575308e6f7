/** What a validity check needs of a unit: its first and last day in force (YYYY-MM-DD, both included). */
export interface UnitValidity {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/**
 * Whether a unit is in force on `date` (YYYY-MM-DD, Vietnam's civil date): from `effectiveFrom` to `effectiveTo`, both
 * days included; a unit with no `effectiveTo` stays in force. The one rule for dossier creation, grants, embed tokens,
 * unit pickers and the admin pages.
 */
export const inForceOn = (unit: UnitValidity, date: string): boolean =>
  unit.effectiveFrom <= date && (unit.effectiveTo === null || date <= unit.effectiveTo);
