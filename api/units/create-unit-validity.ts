import type { Models } from '../../storage/create-models';
import { inForceOn, retiredUnitOn } from '../../domain/units';
import type { UnitDoc } from '../../storage/unit-schema';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { civilDate } from '../../domain/time/civil-date';
import type { Bilingual } from '../errors';

/** A unit that is not in force today, as the refusals name it (by its name; the code only for logs and paths). */
export interface RetiredUnit {
  code: string;
  name: string;
  nameEn?: string;
  /** Its last day in force (YYYY-MM-DD), or null when it is not in force yet. */
  effectiveTo: string | null;
  effectiveFrom: string;
}

/**
 * The one place the API asks whether units are in force today (Vietnam's civil date, from `now`), for dossier
 * creation, acting on dossiers, grants and embed tokens (docs/units.md). `enforce: false` answers "all in force":
 * kept for test systems whose suites still open seed-era dossiers today (see startSystem); production enforces.
 */
export interface UnitValidity {
  /** Today in Vietnam, YYYY-MM-DD. */
  today(): string;
  /**
   * The units among `codes` not in force today (or on `on`, YYYY-MM-DD), in the order given; unknown codes are left
   * to other checks. An explicit day (a grant's start day) is always checked, also where `enforce` is off: it is a
   * date the caller chose, not today's.
   */
  retired(codes: readonly string[], on?: string): Promise<RetiredUnit[]>;
  /**
   * The first of `units`, already loaded (a unit and its ancestors, nearest first), not in force today (or on `on`,
   * YYYY-MM-DD: a paper dossier's receipt day). Follows `enforce` in both cases.
   */
  firstRetired(units: readonly UnitDoc[], on?: string): RetiredUnit | undefined;
  /** Why `unit` refuses: "<name> is not in force on <day> (retired after <last day>)", both languages. */
  describe(unit: RetiredUnit, on?: string): Bilingual;
}

const retiredUnit = (
  code: string,
  unit: Pick<UnitDoc, 'name' | 'nameEn' | 'effectiveFrom' | 'effectiveTo'>,
): RetiredUnit => ({
  code,
  name: unit.name,
  ...(unit.nameEn ? { nameEn: unit.nameEn } : {}),
  effectiveFrom: unit.effectiveFrom,
  effectiveTo: unit.effectiveTo,
});

export function createUnitValidity(deps: { models: Models; enforce: boolean; now?: () => Date }): UnitValidity {
  const now = deps.now ?? (() => new Date());
  const today = () => vietnamDate(now());
  return {
    today,
    async retired(codes, on) {
      if ((!deps.enforce && on === undefined) || codes.length === 0) return [];
      const day = on ?? today();
      const units = await deps.models.Unit.find(
        { _id: { $in: [...new Set(codes)] } },
        { name: 1, nameEn: 1, effectiveFrom: 1, effectiveTo: 1 },
      ).lean();
      const byCode = new Map(units.map((u) => [u._id, u]));
      return codes.flatMap((code) => {
        const unit = byCode.get(code);
        return unit && !inForceOn(unit, day) ? [retiredUnit(code, unit)] : [];
      });
    },
    firstRetired(units, on) {
      if (!deps.enforce) return undefined;
      const unit = retiredUnitOn(units, on ?? today());
      return unit ? retiredUnit(unit._id, unit) : undefined;
    },
    describe(unit, on) {
      const date = on ?? today();
      const day = civilDate(date);
      if (unit.effectiveTo !== null && unit.effectiveTo < date) {
        const last = civilDate(unit.effectiveTo);
        return {
          vi: `${unit.name} đã hết hiệu lực từ sau ngày ${last}, không còn hiệu lực vào ngày ${day}`,
          en: `${unit.nameEn ?? unit.name} was retired after ${last} and is not in force on ${day}`,
        };
      }
      const first = civilDate(unit.effectiveFrom);
      return {
        vi: `${unit.name} chỉ có hiệu lực từ ngày ${first}, chưa có hiệu lực vào ngày ${day}`,
        en: `${unit.nameEn ?? unit.name} is in force only from ${first}, not on ${day}`,
      };
    },
  };
}
