import type { UnitItem } from '../../../api-contract';
import { inForceOn } from '../../../domain/units/in-force-on';
import { fieldMessage, type ApiFailure } from '../admin/api-problems';
import { useUnitName } from '../units/use-unit-name';
import type { TransitionText } from './transition-text';

/** The units a reform retires: in force until a day before `reformDate` (YYYY-MM-DD). */
export const retiredBy = (units: readonly UnitItem[], reformDate: string): UnitItem[] =>
  units.filter((u) => u.effectiveTo !== null && u.effectiveTo < reformDate);

/** The new unit a retired unit goes to unless the administrator chose: its only successor, else none (follow links). */
export const defaultSuccessor = (unit: UnitItem): string =>
  unit.successors.length === 1 ? unit.successors[0]!.code : '';

/**
 * Old unit → new unit, one row per unit the reform retires, each a select of the units in force on the reform date
 * (the domain's inForceOn), defaulting to the unit's only successor; a unit split among several successors is marked
 * and must be chosen. Errors of the API are shown at their row (`/unitMapping/<i>/to`).
 */
export function UnitMappingFields({
  units,
  reformDate,
  chosen,
  onChange,
  failure,
  sentOrder,
  t,
}: {
  units: readonly UnitItem[];
  reformDate: string;
  chosen: Readonly<Record<string, string>>;
  onChange(from: string, to: string): void;
  failure: ApiFailure | undefined;
  /** The `from` codes in the order they were sent, to find a row's API error by its index. */
  sentOrder: readonly string[];
  t: TransitionText;
}) {
  const unitName = useUnitName();
  const retired = retiredBy(units, reformDate);
  const targets = units.filter((u) => inForceOn(u, reformDate));
  return (
    <fieldset className="app-fieldset" data-unit-mapping>
      <legend>{t.unitMapping}</legend>
      <p className="app-muted">{t.unitMappingHint}</p>
      {retired.length === 0 ? <p>{t.noRetiredUnits}</p> : null}
      {retired.map((u) => {
        const id = `transition-unit-${u.code.replace(/[^A-Za-z0-9-]/g, '-')}`;
        const index = sentOrder.indexOf(u.code);
        const error = index < 0 ? undefined : fieldMessage(failure, `/unitMapping/${index}`);
        return (
          <div className="app-field" key={u.code} data-from-unit={u.code}>
            <label htmlFor={id}>{`${unitName(u.code)} → ${t.newUnit}`}</label>
            <select
              id={id}
              value={chosen[u.code] ?? defaultSuccessor(u)}
              onChange={(e) => onChange(u.code, e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            >
              <option value="">{u.successors.length > 1 ? t.splitUnit : t.followSuccessor}</option>
              {targets.map((target) => (
                <option key={target.code} value={target.code}>
                  {unitName(target.code)}
                </option>
              ))}
            </select>
            {error ? (
              <p id={`${id}-error`} className="app-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
