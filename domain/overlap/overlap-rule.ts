/**
 * Overlap rules: the same household or person must not receive support from overlapping programmes within a window
 * (seed 003 "tránh chồng chéo"; housing at most once per household in 10 years). A rule that matches a new dossier
 * is not a refusal: the creator must give an explicit, recorded override (see docs/overlap-checks.md).
 */

/** Whose identity two dossiers must share: the household (its head's citizen id) or a person (any citizen id). */
export type OverlapSubject = 'household' | 'person';

/** The programmes on one side of a rule; `supportTypes` narrows it to those values of the `supportType` fact. */
export interface OverlapSide {
  programme: string;
  supportTypes?: string[];
}

/**
 * How close two dossiers must be to overlap, from the earlier one's opening (Việt Nam dates):
 * - `years` / `months`: the later opened before the earlier's opening date plus that many years or months;
 * - `sameYear`: both opened in the same calendar year;
 * - `whileOpen`: the later opened while the earlier was still open (an "overlapping period").
 */
export type OverlapWindow = { years: number } | { months: number } | { sameYear: true } | { whileOpen: true };

export interface OverlapRule {
  /** Stable id, e.g. `housing-10-years`. */
  id: string;
  title: { vi: string; en: string };
  subject: OverlapSubject;
  /** The two sides; a rule is symmetric (a dossier on either side meets one on the other). Both may be equal. */
  sides: [OverlapSide, OverlapSide];
  window: OverlapWindow;
}
