import type { FactValue } from '../process/process-definition';
import { beneficiariesOf, supportTypeOf } from './support-facts';

/** The programmes whose support is a house built or repaired (the fact `supportType` new_build, repair or mixed). */
export const HOUSE_PROGRAMMES: readonly string[] = Object.freeze(['housing', 'fund_for_the_poor']);

/** The houses a dossier supports, built and repaired apart; `unsplit` those of a list that does not say which. */
export interface Houses {
  built: number;
  repaired: number;
  unsplit: number;
}

export const NO_HOUSES: Readonly<Houses> = Object.freeze({ built: 0, repaired: 0, unsplit: 0 });

const count = (v: FactValue | undefined): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;

/**
 * The houses of one dossier of a house programme (HOUSE_PROGRAMMES), none for any other: a list that records its
 * houses as the facts `housesBuilt` and `housesRepaired` (fund-campaign-housing-2024@3, whose form checks that they
 * add up to its households) counts them; otherwise a dossier of type `new_build` builds, and one of type `repair`
 * repairs, as many houses as its households (`beneficiariesOf`); a list of both kinds recorded before its houses
 * were (type `mixed`, no such facts) counts its households as `unsplit`, never guessed. So built + repaired + unsplit
 * always equals the dossier's households. Pure.
 */
export function housesOf(programme: string, facts: Record<string, FactValue>): Houses {
  if (!HOUSE_PROGRAMMES.includes(programme)) return { ...NO_HOUSES };
  const built = count(facts['housesBuilt']);
  const repaired = count(facts['housesRepaired']);
  const households = beneficiariesOf(facts);
  if (built !== null && repaired !== null && built + repaired === households) return { built, repaired, unsplit: 0 };
  const type = supportTypeOf(facts);
  if (type === 'new_build') return { built: households, repaired: 0, unsplit: 0 };
  if (type === 'repair') return { built: 0, repaired: households, unsplit: 0 };
  return { built: 0, repaired: 0, unsplit: households };
}
