import type { RegisterBaseline } from '../../domain/poverty-register/poverty-register';
import { registerCoverage, type RegisterCoverage } from '../../domain/poverty-register/register-coverage';
import type { Models } from '../../storage/create-models';
import { summaryPeriod } from '../funds/summary-period';
import type { RegisterStore } from './create-register-store';

/** What one coverage target asks of the register. */
export interface RegisterCoverageQuery {
  /** The target's unit (its lower unit, or the plan's unit): every commune register at or below it. */
  unitCode: string;
  year: number;
  programme: string;
  /** The plan's period (Việt Nam days, inclusive): dossiers opened in it count. */
  from: string;
  to: string;
  baseline: RegisterBaseline;
}

export type LoadRegisterCoverage = (query: RegisterCoverageQuery) => Promise<RegisterCoverage>;

/**
 * Loads a coverage target's figures from the register (registerCoverage): the newest register of the year of every
 * commune at or below the target's unit, and, from the overlap index (`overlap_keys`, the same keyed hashes), the
 * citizen ids named by the programme's dossiers received at or below that unit and opened in the period, except
 * those refused or withdrawn (they gave no support, as for overlap checks). A dossier whose index entries are missing
 * (created before the index: `npm run overlap:reindex`) covers nobody until it is indexed.
 */
export function createLoadRegisterCoverage(deps: { models: Models; registers: RegisterStore }): LoadRegisterCoverage {
  return async (query) => {
    const registers = await deps.registers.latestUnder(query.unitCode, query.year);
    const keys = [
      ...new Set(registers.flatMap((r) => r.households.flatMap((h) => [h.head.key, ...h.members.map((m) => m.key)]))),
    ];
    const period = summaryPeriod(query.from, query.to);
    const entries =
      keys.length === 0
        ? []
        : await deps.models.OverlapKey.find(
            {
              programme: query.programme,
              units: query.unitCode,
              keyHash: { $in: keys },
              openedAt: { $gte: period.start, $lt: period.end },
            },
            { keyHash: 1, outcome: 1 },
          ).lean();
    const covered = new Set(
      entries.filter((e) => e.outcome !== 'rejected' && e.outcome !== 'withdrawn').map((e) => e.keyHash),
    );
    return registerCoverage(
      registers.map((r) => ({ unitCode: r.unitCode, households: r.households })),
      covered,
      query.baseline,
    );
  };
}
