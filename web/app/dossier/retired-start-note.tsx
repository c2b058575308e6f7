import { useAppServices } from '../app-services';
import type { RoleGrant } from '../../../api-contract';
import { unitValidityText } from '../units/unit-validity-text';
import { useRetiredUnit } from '../units/use-retired-unit';
import { useUnitName } from '../units/use-unit-name';

/**
 * Why the caller's units that are not in force today (retired, or under a retired unit) are offered nothing to
 * start, one line per such unit, named; nothing when every unit of `grants` is in force.
 */
export function RetiredStartNote({ grants }: { grants: readonly RoleGrant[] }) {
  const { lang } = useAppServices();
  const retiredUnit = useRetiredUnit('acceptsDossiers');
  const unitName = useUnitName();
  const v = unitValidityText(lang);
  const codes = [...new Set(grants.map((g) => g.unitCode))].filter((code) => retiredUnit(code));
  if (codes.length === 0) return null;
  return (
    <div className="app-warning" role="note" data-retired-start>
      {codes.map((code) => {
        const retired = retiredUnit(code)!;
        const why = v.notInForce(retired, unitName(retired.code));
        return (
          <p key={code} data-unit-code={code}>
            {retired.code === code ? v.cannotStart(why) : `${unitName(code)}: ${v.cannotStart(why)}`}
          </p>
        );
      })}
    </div>
  );
}
