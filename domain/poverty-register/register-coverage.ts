import type { TargetProgress } from '../plans/plan-progress';
import { childOnPath, type UnitsTree } from '../plans/units-tree';
import type { RegisterBaseline, RegisterCategory, StoredHousehold } from './poverty-register';

/** One commune's register, as coverage reads it. */
export interface CommuneRegister {
  unitCode: string;
  households: readonly StoredHousehold[];
}

/** A household of the baseline that no dossier has covered yet (its people: those not covered yet). */
export interface UncoveredHousehold {
  headName: string;
  /** The head's citizen id, masked. */
  cccd: string;
  hamlet: string;
  category: RegisterCategory;
  people: number;
  uncoveredPeople: number;
}

export interface CommuneCoverage {
  unitCode: string;
  covered: number;
  total: number;
  uncovered: UncoveredHousehold[];
}

export interface RegisterCoverage {
  covered: number;
  total: number;
  byCommune: CommuneCoverage[];
}

/**
 * How much of the register's baseline the dossiers cover. `coveredKeys` are the keyed hashes of the citizen ids named
 * by the dossiers that count (the target's programme, in the period, not refused). Counting households, a household
 * is covered when a dossier names its head or any member (a Tết-gift list line names the head, or whoever receives
 * the gift); counting people, each person (the head and every member) is covered when a dossier names them (a line
 * of a health-insurance list). Only the households of `baseline.categories` count. Pure.
 */
export function registerCoverage(
  registers: readonly CommuneRegister[],
  coveredKeys: ReadonlySet<string>,
  baseline: RegisterBaseline,
): RegisterCoverage {
  const byCommune = registers.map((register): CommuneCoverage => {
    const result: CommuneCoverage = { unitCode: register.unitCode, covered: 0, total: 0, uncovered: [] };
    for (const h of register.households) {
      if (!baseline.categories.includes(h.category)) continue;
      const people = [h.head, ...h.members];
      const coveredPeople = people.filter((p) => coveredKeys.has(p.key)).length;
      const householdCovered = coveredPeople > 0;
      if (baseline.counting === 'households') {
        result.total += 1;
        if (householdCovered) result.covered += 1;
      } else {
        result.total += people.length;
        result.covered += coveredPeople;
      }
      const done = baseline.counting === 'households' ? householdCovered : coveredPeople === people.length;
      if (!done)
        result.uncovered.push({
          headName: h.head.name,
          cccd: h.head.masked,
          hamlet: h.hamlet,
          category: h.category,
          people: people.length,
          uncoveredPeople: people.length - coveredPeople,
        });
    }
    result.uncovered.sort(
      (a, b) => a.hamlet.localeCompare(b.hamlet, 'vi') || a.headName.localeCompare(b.headName, 'vi'),
    );
    return result;
  });
  return {
    covered: byCommune.reduce((n, c) => n + c.covered, 0),
    total: byCommune.reduce((n, c) => n + c.total, 0),
    byCommune,
  };
}

/**
 * A coverage target's progress with the register as its baseline: the figure is what is covered, `of` the
 * register's total, and the figure per unit directly below `scope` (the target's unit) rolled up from the communes.
 * Pure.
 */
export function progressFromRegister(
  progress: TargetProgress,
  coverage: RegisterCoverage,
  units: UnitsTree,
  scope: string,
  value: number,
): TargetProgress {
  const achieved = coverage.total > 0 ? (coverage.covered / coverage.total) * 100 : 0;
  const perUnit = new Map<string, number>();
  for (const commune of coverage.byCommune) {
    const child = commune.unitCode === scope ? scope : childOnPath(units, commune.unitCode, scope);
    if (child && child !== scope) perUnit.set(child, (perUnit.get(child) ?? 0) + commune.covered);
  }
  const byUnit = [...perUnit].map(([unitCode, actual]) => ({ unitCode, actual }));
  byUnit.sort((a, b) => b.actual - a.actual || a.unitCode.localeCompare(b.unitCode));
  return {
    ...progress,
    actual: coverage.covered,
    of: coverage.total,
    achieved,
    ratio: achieved / value,
    met: achieved >= value,
    byUnit,
  };
}
