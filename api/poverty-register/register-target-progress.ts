import type { PlanContent } from '../../domain/plans/plan';
import type { TargetProgress } from '../../domain/plans/plan-progress';
import type { UnitsTree } from '../../domain/plans/units-tree';
import { progressFromRegister, type UncoveredHousehold } from '../../domain/poverty-register/register-coverage';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { LoadRegisterCoverage } from './create-load-register-coverage';

/** What a progress answer adds to a target whose baseline is the register. */
export interface RegisterTargetDetail {
  /** Covered and total per commune with a register. */
  byCommune: { unitCode: string; name: string; covered: number; total: number }[];
  /** The households not yet covered, only for the communes where the caller holds a role of their own. */
  uncovered: { unitCode: string; name: string; households: UncoveredHousehold[] }[];
}

/**
 * The targets of `progress` whose baseline is the register (`registerBaseline`), recomputed from it
 * (progressFromRegister), each with its per-commune detail; other targets unchanged. The names of households not yet
 * covered go only to the people of that commune (a role at the commune itself), who act on them; the levels above
 * see covered / total per commune. The register's year is the year of the plan's start.
 */
export async function registerTargetProgress(
  caller: AuthenticatedUser,
  plan: PlanContent,
  progress: readonly TargetProgress[],
  units: UnitsTree,
  load: LoadRegisterCoverage,
): Promise<(TargetProgress & { register?: RegisterTargetDetail })[]> {
  const own = new Set(caller.grants.map((g) => g.unitCode));
  const name = (code: string) => units.get(code)?.name ?? code;
  return Promise.all(
    progress.map(async (p) => {
      const target = plan.targets[p.index]!;
      if (!target.registerBaseline) return p;
      const scope = target.unitCode ?? plan.unitCode;
      const coverage = await load({
        unitCode: scope,
        year: Number(plan.from.slice(0, 4)),
        programme: target.programme,
        from: plan.from,
        to: plan.to,
        baseline: target.registerBaseline,
      });
      const communes = [...coverage.byCommune].sort((a, b) => name(a.unitCode).localeCompare(name(b.unitCode), 'vi'));
      return {
        ...progressFromRegister(p, coverage, units, scope, target.value),
        register: {
          byCommune: communes.map((c) => ({
            unitCode: c.unitCode,
            name: name(c.unitCode),
            covered: c.covered,
            total: c.total,
          })),
          uncovered: communes
            .filter((c) => own.has(c.unitCode))
            .map((c) => ({ unitCode: c.unitCode, name: name(c.unitCode), households: c.uncovered })),
        },
      };
    }),
  );
}
