import { inForceOn, type UnitValidity } from './in-force-on';

/**
 * The first of `units` (a unit and its ancestors, nearest first) that is not in force on `date`, or undefined when
 * all are: a retired ward, or the abolished district above an otherwise valid ward, cannot open a dossier.
 */
export const retiredUnitOn = <U extends UnitValidity>(units: readonly U[], date: string): U | undefined =>
  units.find((u) => !inForceOn(u, date));
