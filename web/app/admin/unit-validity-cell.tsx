import type { UnitItem } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { UnitName } from '../units/unit-name';
import { useUnitName } from '../units/use-unit-name';
import { unitValidityText } from '../units/unit-validity-text';

/**
 * A unit's validity in the units list: "in force" (until its last day, if one is set), or a warning for a unit not
 * in force today (retired: its last day; not yet: its first day), with every successor by name and its share of
 * households or its rule.
 */
export function UnitValidityCell({ unit, inForceLabel }: { unit: UnitItem; inForceLabel: string }) {
  const { lang } = useAppServices();
  const unitName = useUnitName();
  const v = unitValidityText(lang);
  const successors =
    unit.successors.length > 0 ? (
      <div className="app-successors">
        <span>{v.successors}</span>
        <ul>
          {unit.successors.map((s) => (
            <li key={s.code} data-successor={s.code}>
              <UnitName code={s.code} withCode />
              {s.share !== undefined ? ` — ${v.share(s.share)}` : null}
              {s.rule ? ` — ${s.rule}` : null}
            </li>
          ))}
        </ul>
      </div>
    ) : null;
  if (unit.inForce) {
    return (
      <>
        {unit.effectiveTo ? v.inForceUntil(unit.effectiveTo) : inForceLabel}
        {successors}
      </>
    );
  }
  return (
    <div className="app-warning" data-retired-unit={unit.code}>
      <p>{unit.effectiveTo ? v.retiredShort(unit.effectiveTo) : v.notInForce(unit, unitName(unit.code))}</p>
      {successors ?? (unit.effectiveTo ? <p>{v.noSuccessor}</p> : null)}
    </div>
  );
}
